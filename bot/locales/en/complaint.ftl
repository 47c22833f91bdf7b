## Complaints: what the resident fills in (the resident's language)

complaint-ask-subject = 📢 What is your complaint about?
complaint-pick-service = 🛎 Service quality
complaint-pick-staff = 👤 A staff member's attitude
complaint-pick-fees = 💰 Fees
complaint-pick-environment = 🌳 Environment & cleanliness
complaint-pick-neighbours = 🏘 Neighbours
complaint-pick-developer = 🏗 Developer's defects
complaint-pick-other = 📌 Other
complaint-ask-staff-department = 👤 Which department is the staff member from? It is fine if you are not sure.
complaint-staff-unsure = 🤷 Not sure
complaint-ask-when = 🕒 When did it happen? Tap a button or type it (e.g. "last night around 8").
complaint-btn-today = 📅 Today
complaint-btn-yesterday = 📅 Yesterday
complaint-btn-week = 📅 Earlier this week
complaint-when-today = today ({ $date })
complaint-when-yesterday = yesterday ({ $date })
complaint-when-week = earlier in the week of { $date }
complaint-ask-where = 📍 Where did it happen? (e.g. "lift lobby of building 3", "service desk")
complaint-btn-where-none = ➖ No particular place
complaint-where-none = no particular place
complaint-ask-what = 📝 Please tell us what happened:
complaint-ask-wants = 🎯 What would you like the office to do? (e.g. "an apology", "refund the overcharge", "better supervision")
complaint-ask-media = 📷 If you have photos or a video as evidence, send them (up to { $max }). Tap "Done" when finished, or "Skip".
complaint-ask-anonymous =
    🕶 Do you want to stay anonymous?
    If so, staff will not see your name, phone, room or Telegram account, only your building. Anonymous complaints get no follow-up call, but the outcome is still recorded and you can follow it in /my.
complaint-btn-named = 👤 Not anonymous
complaint-btn-anonymous = 🕶 Anonymous
complaint-ask-show-unit = May staff see your unit? (The building always shows, the room never does.)
complaint-btn-show-unit = Show { $place }
complaint-btn-hide-unit = Only { $building }
complaint-summary-title = <b>Please check your complaint:</b>
complaint-summary-subject = About: { $subject }
complaint-summary-staff-department = Staff member's department: { $department }
complaint-summary-when = When: { $when }
complaint-summary-where = Where: { $where }
complaint-summary-what = What happened: { $what }
complaint-summary-wants = You want: { $wants }
complaint-summary-media = Evidence: { $count ->
        [0] none
        [one] 1 photo/video
       *[other] { $count } photos/videos
    }
complaint-summary-anonymous = 🕶 Anonymous: yes (staff see only: { $place })
complaint-summary-named = 👤 Anonymous: no (contact: { $name } { $phone })
complaint-ask-field = Which part do you want to change?
complaint-field-subject = About
complaint-field-when = When
complaint-field-where = Where
complaint-field-what = What happened
complaint-field-wants = What you want
complaint-field-media = Evidence
complaint-field-anonymous = Anonymity

## Complaint classification: staff (the office's language)

classify-pick =
    🏷 Classify complaint <b>{ $ref }</b>:
    · valid: the office failed a duty or caused harm; resolve within { $valid }; the department head is told
    · help-seeking / inquiry / venting: communication complaints; resolve within { $help } / { $inquiry } / { $venting }
    · invalid: outside the office's responsibilities; write an explanation for the resident
    · major: serious harm to the office's reputation; the manager takes it, first answer within { $majorFirst }, resolved within { $major }
classify-done = 🏷 Complaint { $ref } classified as "{ $class }" ({ $by }); resolve by { $due }.
classify-ok = Classified: { $ref } → { $class }
classify-same = Complaint { $ref } is already "{ $class }".
classify-invalid-ask = ✍️ Complaint { $ref } is invalid: reply to this message with the explanation for the resident (why it is outside the office's responsibilities, who can help).
classify-invalid-see-dm = Please write the explanation for { $ref } in your private chat with the bot.
classify-invalid-too-short = That is too short; please write at least { $min ->
        [one] 1 character
       *[other] { $min } characters
    }.
classify-invalid-too-long = That is too long ({ $length ->
        [one] 1 character
       *[other] { $length } characters
    }); please keep it within { $max ->
        [one] 1 character
       *[other] { $max } characters
    }.
classify-invalid-busy = You have an unfinished form in your private chat with the bot; finish it or send /cancel there, then choose "invalid" for { $ref } again.
classify-invalid-done = ✅ Complaint { $ref } is recorded as invalid; the explanation was sent to the resident.
classify-manager-name = Office manager
classify-alert-valid =
    ⚠️ <b>Valid complaint { $ref }</b> ({ $department })
    About: { $subject }
    Resident: { $place }
    📝 { $description }
    🎯 Wants: { $wants }
    Resolve by { $due }. Classified by { $by }
classify-alert-major =
    🚨 <b>Major complaint { $ref }</b> ({ $department }) — you are in charge
    About: { $subject }
    Resident: { $place }
    📝 { $description }
    🎯 Wants: { $wants }
    First answer by { $first }; resolve by { $due }. Classified by { $by }
