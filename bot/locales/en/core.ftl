## English. Residents' words in placeables are escaped by the code; HTML tags may be used here.

lang-name = English
lang-choose = Choose your language:
lang-set = ✅ Language set to English.

## Main menu
menu-repair = 🔧 Repair
menu-complaint = 📢 Complaint
menu-emergency = 🚨 Emergency
menu-my = 📋 My tickets
menu-inquiry = 💬 Inquiry

welcome =
    Hello, { $name }! This is the online service desk of <b>{ $office }</b>.
    Report repairs, complaints and emergencies here; we will keep you posted on every step.
    Tap the menu below to start, or send /help.
help-private =
    <b>What I can do for you</b>
    🔧 /repair report a repair at home or in a public area, with photos or video and a visit time
    📢 /complain make a complaint
    🚨 /emergency report an emergency
    📋 /my your tickets
    💬 /ask ask a question or make a suggestion
    👤 /profile see or change your name, phone and flat
    🌐 /lang switch language (中文 / English)
    ✖️ /cancel leave what you are filling in
    Every report gets a reference number, and you are told of each step.
help-group =
    <b>Staff group</b>
    New tickets are posted here as cards: tap "Claim" to take one, "Arrived" when on site, and "Resolve" when done (you then write the result in a private chat with the bot).
    After you claim, the resident's name, phone and flat are sent to you privately.
    /task gives another department an internal task (a broken light found on patrol, a job for the cleaners), filled in privately.
    /chatid shows the id of this chat (or topic) for the office configuration.
chatid = This chat's id: <code>{ $id }</code>
chatid-topic = This chat's id: <code>{ $id }</code>, topic id: <code>{ $thread }</code>
cancel-nothing = There is nothing to cancel. Please choose from the menu below.
fallback = Please choose what you need from the menu below, or send /help.
error-generic = Sorry, something went wrong; nothing you entered is lost. Please try again in a moment, or send /cancel to start over.
error-generic-short = Sorry, something went wrong. Please try again.

## While filling something in
scene-cancelled = Cancelled. Nothing was submitted.
scene-busy = You are still filling something in. Please finish it, or send /cancel.
scene-old-button = That button is no longer active; please use the buttons of the latest message.
scene-command = Commands are paused while you fill this in. Please answer the question below, or send /cancel.
scene-menu = You are filling something in. Please answer the question below, or send /cancel first.
scene-too-long = That is too long ({ $length ->
        [one] 1 character
       *[other] { $length } characters
    }); please keep it under { $max ->
        [one] 1 character
       *[other] { $max } characters
    }.
scene-too-short = That is too short; please write at least { $min ->
        [one] 1 character
       *[other] { $min } characters
    }.
scene-sticker = Nice sticker 🙂 but this question needs a text answer.
scene-want-text = This question needs a text answer.
scene-unexpected = Sorry, I could not use that reply.
scene-use-buttons = Please choose with the buttons below.

btn-back = ⬅️ Back
btn-cancel = ✖️ Cancel
btn-change = ✏️ Change
btn-confirm = ✅ Confirm
btn-done = ✅ Done
btn-edit = ✏️ Edit
btn-keep = 👍 Keep it
btn-save = ✅ Save
btn-skip = ⏭ Skip
btn-agree-fee = ✅ I agree to the fee
btn-other-category = ↩️ Choose another category
btn-share-phone = 📱 Share my phone number
btn-keep-phone = Keep { $phone }
btn-my-home = 🏠 My flat: { $address }

## Registration
reg-intro = As this is your first time, please register your contact and flat once; it is filled into every report after that.
reg-ask-name = What is your name?
reg-name-too-long = A name can have at most { $max ->
        [one] 1 character
       *[other] { $max } characters
    }.
reg-ask-phone = Tap "📱 Share my phone number" below, or type a mobile or landline number (e.g. 138 1234 5678, 0755-12345678).
reg-phone-want = Please send a phone number (tap the button or type it).
reg-phone-invalid = That number does not look right. Mobiles have 11 digits (e.g. 13812345678); landlines need the area code (e.g. 0755-12345678).
reg-phone-not-own = Please share your own number (tap "📱 Share my phone number").
reg-ask-address = Please type your building, unit and flat, e.g. <b>3栋2单元1201</b> or <b>Building 3 Unit 2 Room 1201</b> (3-2-1201 works too).
reg-address-invalid = I could not read that address. Please write building + unit + room, e.g. 3-2-1201 or Building 3 Unit 2 Room 1201.
reg-summary =
    Please check your details:
    Name: { $name }
    Phone: { $phone }
    Flat: { $address }
profile-show =
    <b>Your profile</b>
    Name: { $name }
    Phone: { $phone }
    Flat: { $address }
profile-kept = OK, nothing changed.
profile-saved = ✅ Saved. Your next reports will use these details.

## Repair
repair-ask-kind = 🔧 <b>Repair</b>: what kind of repair?
repair-ask-category = "{ $kind }" — which category? (💰 = paid service)
category-paid = { $name } 💰
repair-fee =
    "{ $category }" is a <b>paid service</b>: <b>{ $price }</b>.
    We send someone once you agree.
price = ¥{ $amount }/{ $unit } { $note }
repair-ask-location-home = 📍 Where is the problem? Tap "My flat", or type the exact place (e.g. bathroom, balcony).
repair-ask-location = 📍 Where exactly? e.g. lobby of building 3, car park zone B, lift of building 5 unit 2.
repair-ask-description = 📝 Please describe the problem (what is broken, what happens, since when):
repair-ask-media = 📷 Photos or a video help our technicians (up to { $max }). Tap "Done" when finished, or "Skip".
repair-ask-visit = 🕒 When would you like the visit?
repair-kind-changed = The kind of repair changed, so please give the place (and the visit time) again.
repair-ask-field = Which part do you want to change?
visit-asap = ⚡ As soon as possible
media-received = 📎 Got { $count ->
        [one] 1 file
       *[other] { $count } files
    } (up to { $max }). Send more, or tap "Done".
media-limit = That is the limit of { $max ->
        [one] 1 file
       *[other] { $max } files
    }; please tap "Done".
media-want-media = Please send photos or a video here, then tap the button below.
media-document = Please send it as a photo or video, not as a file.
field-category = Category
field-location = Place
field-description = Description
field-media = Photos/video
field-visit = Visit time
summary-title = <b>Please check your repair report:</b>
summary-category = Kind: { $kind } · { $category }
summary-fee = Fee: { $price } (agreed)
summary-location = Place: { $location }
summary-description = Description: { $description }
summary-media = Attachments: { $count ->
        [0] none
        [one] 1 file
       *[other] { $count } files
    }
summary-visit = Visit: { $visit }
summary-contact = Contact: { $name } { $phone }

## Updates for residents
resident-accepted-repair =
    ✅ Your repair is registered as <b>{ $ref }</b>.
    It went to <b>{ $department }</b>: a response within { $response }, expected to be done by { $resolution }.
    We will tell you of every step; send /my to check.
resident-claimed = 👷 { $name } has taken ticket { $ref } and will be on site by { $onsite }.
resident-arrived = 🚪 { $name } has arrived for ticket { $ref }.
resident-resolved =
    🛠 Ticket { $ref } has been resolved by { $name }.
    Result: { $result }
resident-fee = Fee: ¥{ $amount }
resident-ask-confirm = Is the problem solved? Please tell us with the buttons below. Without an answer within { $days } we take it as solved.
resident-closed = 🙏 Thank you for confirming; ticket { $ref } is closed.
resident-reopened = 🔁 Ticket { $ref } is reopened; we will work on it again soon.
dispute-ask-reason = Could you tell us briefly what is still wrong? (optional)
dispute-no-reason = OK, the staff have been told.
dispute-reason-sent = ✅ Passed on to the staff.
btn-solved = ✅ Solved
btn-not-solved = ❌ Not solved

## Staff group cards
card-title = 🔧 <b>{ $kind } { $ref }</b>
card-category = Category: { $category } ({ $department })
card-priority = Priority: { $priority }
priority-normal = normal
priority-urgent = urgent
card-fee-agreed = 💰 Paid service: { $price } (agreed by the resident)
card-location-home = 📍 In the resident's flat: { $place }
card-location = 📍 Place: { $location } (resident: { $place })
card-description = 📝 { $description }
card-media = 📎 { $count ->
        [one] 1 attachment
       *[other] { $count } attachments
    } (above)
card-visit = 🕒 Preferred visit: { $visit }
card-due = ⏱ Respond by { $response } · resolve by { $resolution }
card-contact = 👤 { $name } · { $phone } · { $address }
card-result = 🛠 Result: { $result }
card-fee-charged = 💰 Charged: ¥{ $amount }
card-status-open = 🟡 <b>Unclaimed</b>
card-status-claimed = 🔵 <b>Claimed</b> by { $owner } ({ $at }), on site by { $onsite }
card-status-on_site = 🟣 <b>In progress</b>: { $owner } on site ({ $at })
card-status-resolved = 🟢 <b>Resolved</b> by { $owner } ({ $at }), waiting for the resident
card-status-reopened = 🔴 <b>Resident says not solved</b>, rework #{ $count }: { $owner }
card-status-closed = ✅ <b>Closed</b> ({ $at })
card-status-cancelled = ⚪ <b>Cancelled</b> ({ $at })
card-note-reopened = ⚠️ The resident says { $ref } is <b>not solved</b>; reopened (#{ $count }). { $owner }, please follow up.
card-note-resident-reason = 💬 Resident adds ({ $ref }): { $reason }
btn-claim = 🙋 Claim
btn-arrived = 🚪 Arrived
btn-resolve = ✅ Resolve
btn-write-result = ✍️ Write the result
contact-for-claimant =
    📇 <b>{ $ref }</b> resident contact (keep private):
    Name: { $name }
    Phone: { $phone }
    Flat: { $address }
    Place: { $location }
claim-ok = Claimed { $ref }. The resident's contact was sent to you privately.
claim-ok-on-card = Claimed { $ref }. The resident's contact is now on the card.
arrived-ok = Arrival recorded: { $ref }
resolve-dm = Please write the result of ticket <b>{ $ref }</b>:
resolve-see-dm = Please write the result of { $ref } in your private chat with the bot.
resolve-ask-result = ✍️ Ticket <b>{ $ref }</b>: what was done, and what is the result?
resolve-ask-media = 📷 Send photos or a video of the finished work (up to { $max }), then tap "Done", or "Skip".
resolve-ask-fee = 💰 How much was charged, in yuan? (agreed price ¥{ $agreed })
btn-fee-as-agreed = As agreed, ¥{ $amount }
resolve-fee-invalid = Please type an amount, e.g. 80 or 80.5.
resolve-confirm =
    Please confirm:
    Ticket: { $ref }
    Result: { $result }
    Photos: { $count }
resolve-done = ✅ { $ref } is marked resolved; the resident has been asked to confirm (auto-confirmed after { $wait }).

## Statuses and refusals
status-open = unclaimed
status-claimed = claimed
status-on_site = in progress
status-resolved = resolved, awaiting confirmation
status-reopened = reopened
status-closed = closed
status-cancelled = cancelled
refuse-not-found = Ticket { $ref } was not found.
refuse-not-staff = Sorry, only the office's staff can do this.
refuse-wrong-department = Sorry, ticket { $ref } belongs to another department.
refuse-already-claimed = Ticket { $ref } was already claimed by { $owner }.
refuse-not-owner = Sorry, only the owner ({ $owner }), the department head or the manager can act on { $ref }.
refuse-not-your-ticket = Sorry, this is not your ticket.
refuse-wrong-state = Ticket { $ref } is now "{ $status }", so this cannot be done.

## Command menu
cmd-repair = Report a repair
cmd-complain = Make a complaint
cmd-emergency = Report an emergency
cmd-my = My tickets
cmd-ask = Ask a question or suggest
cmd-profile = My profile
cmd-lang = Language / 切换语言
cmd-help = How this bot works
cmd-cancel = Leave what you are filling in
cmd-chatid = Show this chat's id (for setup)

## The bot is added to a group
added-to-group =
    👋 Hello! This group's id is <code>{ $id }</code>.
    To receive tickets here, put it in STAFF_CHAT_ID in .env (or a department's chat.chatId in the office policy file) and restart the bot.
    Please also make me an admin (or turn privacy mode off with @BotFather) so I can recognise the staff.
added-to-staff-group = 👋 Hello! This group (id <code>{ $id }</code>) is a staff group: new tickets will be posted here.

## Answers to complaints; anonymous contacts
resolve-confirm-fee = Fee: ¥{ $fee }
resolve-ask-answer-complaint = ✍️ Complaint <b>{ $ref }</b>: write the answer for the resident (what was found, what was done, what will change):
resolve-ask-media-complaint = 📷 Photos of what was put right, if any (up to { $max }); tap "Done" when finished, or "Skip".
resolve-done-complaint = ✅ The answer to complaint { $ref } was sent to the resident, who has been asked to confirm (auto-confirmed after { $wait }).
card-status-claimed-answer = 🔵 <b>Being handled</b> by { $owner } ({ $at })
contact-anonymous = 🕶 { $ref } is an anonymous complaint: no resident contact is given.

## Staff pressing Start in the private chat
start-staff =
    👷 Hello, { $name }! You are on the staff of { $office }.
    { $count ->
        [0] You have no open tickets right now.
        [one] You have 1 open ticket: { $refs }
       *[other] You have { $count } open tickets: { $refs }
    }
    /mine lists your tickets with their due times, /open the open tickets of your departments, /task gives another department an internal task.
    New tickets are posted as cards in the staff group: tap "🙋 Claim" there, and the resident's contact is sent to you here.
start-staff-more = and { $count ->
        [one] 1 more
       *[other] { $count } more
    }

## Residents in a group: reports are made in the private chat
group-use-private = 🔒 Reports, complaints, questions and your tickets are handled in a <b>private chat</b> with me, so your phone and flat never show in this group. Tap the button below to open it.
group-emergency-call = 🚨 <b>If it is urgent, call first!</b>
help-group-resident =
    <b>{ $office } online service desk</b>
    Repairs, complaints, emergencies, questions and your tickets are handled in a private chat with me (your contact details never show in a group).
    Tap the button below to open it, then press Start.
btn-open-private = 💬 Open the private chat
