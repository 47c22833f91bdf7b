## Staff card actions: note, reschedule / waiting for parts, transfer, release, reassign; staff commands

staff-see-dm = Please continue with { $ref } in your private chat with the bot.

note-dm = Please add your note to ticket <b>{ $ref }</b>:
btn-note-dm = ✍️ Write the note
note-ask-text = 📝 Note on ticket <b>{ $ref }</b>: type it (colleagues see it under the card). Only photos? Tap "Photos only".
btn-note-photos-only = 📷 Photos only
note-ask-media = 📷 Send photos or a video (up to { $max }), then tap "Done", or "Skip" if there are none.
note-empty = No text and no photos: nothing was added to { $ref }.
note-ask-tell = Also tell the resident? (Internal notes are seen by staff only.)
btn-note-internal = 🔒 No, internal only
btn-note-tell = 📣 Also tell the resident
note-under-card-internal = 📝 Internal note on { $ref } ({ $name }): { $note }
note-under-card-told = 📝 Note on { $ref } ({ $name }, resident told): { $note }
note-under-card-media = 📎 { $count ->
        [one] 1 photo/video
       *[other] { $count } photos/videos
    } (below)
note-done-internal = ✅ Internal note added to { $ref }.
note-done-told = ✅ Note added to { $ref } and sent to the resident.

rsch-dm = Please enter the new time for ticket <b>{ $ref }</b>:
btn-rsch-dm = ⏳ Reschedule
rsch-ask-kind = ⏳ Ticket <b>{ $ref }</b>: waiting for parts, or a new visit time?
btn-rsch-parts = 🔩 Waiting for parts
btn-rsch-visit = 📅 New visit time
rsch-ask-reason-parts = Which parts are you waiting for? (The resident sees this, e.g. "the pump is on order".)
rsch-ask-reason-visit = Why the new time? (The resident sees this.)
rsch-ask-time-parts = When do you expect to continue? Tap a time, or type one like <code>2026-11-25 14:00</code> or <code>11-25 14:00</code> (office time).
rsch-ask-time-visit = When is the new visit? Tap a time, or type one like <code>2026-11-25 14:00</code> or <code>11-25 14:00</code> (office time).
rsch-time-invalid = I could not read that time. Please type it like 2026-11-25 14:00 or 11-25 14:00.
rsch-time-past = That time has already passed; please choose a later one.
rsch-time-far = That is more than a year away; please type another time.
rsch-confirm-parts =
    Please confirm:
    Ticket: { $ref }
    Waiting for: { $reason }
    Expected to continue: { $until }
rsch-confirm-visit =
    Please confirm:
    Ticket: { $ref }
    Reason: { $reason }
    New visit: { $until }
rsch-done = ✅ { $ref } updated: new time { $until }. The resident has been told.

rel-dm = Please give the reason for releasing ticket <b>{ $ref }</b>:
btn-rel-dm = ↩️ Give the reason
rel-ask-reason = ↩️ Why are you releasing <b>{ $ref }</b>? Tap a reason or type one.
rel-reason-not-mine = Not my area
rel-reason-unreachable = Can't reach the resident
btn-rel-other = ✏️ Other (type it)
rel-ask-other = Please type the reason for releasing { $ref }:
rel-under-card = ↩️ { $name } released { $ref }: { $reason }. It is unclaimed again.
rel-done = ✅ { $ref } is released and unclaimed again.

tr-pick = ↪️ Transfer <b>{ $ref }</b> (now with { $department }) to which department?
tr-done = ↪️ { $name } transferred { $ref } to { $department }.
tr-ok = Transferred { $ref } to { $department }.
tr-already-there = Ticket { $ref } is already with { $department }.

ra-pick = 👤 Reassign <b>{ $ref }</b> to whom? (Now: { $owner })
ra-no-owner = nobody
ra-nobody = No other staff of { $department } are known yet. They appear here once they have used the bot in the group.
ra-done = 👤 { $by } reassigned { $ref } to { $name }.
ra-ok = Reassigned { $ref } to { $name }.
ra-already = Ticket { $ref } is already handled by { $name }.
ra-target-not-staff = { $name } is not (or no longer) staff of this department; please choose someone else.
ra-you-assigned = 👤 { $by } has assigned ticket <b>{ $ref }</b> to you.
ra-start-bot = 👤 { $name }: you have not opened a private chat with the bot yet; tap { $link } and press Start to see the resident's contact for { $ref }.

## Staff commands
cmd-open = Open tickets of this group
cmd-mine = My open tickets
cmd-ticket = Show a ticket: /ticket REF
cmd-staff-chat-only = Please use this command in a staff group (the manager can also use it in a private chat with the bot).
open-no-departments = This group is not the ticket group of any department.
open-night = Night duty
open-title = <b>Open tickets of { $departments }</b> ({ $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    }, unclaimed first):
open-none = { $departments } has no open tickets. 🎉
mine-title = <b>{ $name }'s open tickets</b> ({ $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    }):
mine-none = { $name }, you have no open tickets.
list-line-open = { $icon } <code>{ $ref }</code> { $what } · unclaimed · respond by { $due }{ $late }
list-line-working = { $icon } <code>{ $ref }</code> { $what } · { $owner } · resolve by { $due }{ $late }
list-overdue = ⚠️ overdue
list-more = … and { $count } more.
list-kind-repair = Repair
list-kind-complaint = Complaint
list-kind-emergency = Emergency
list-kind-inquiry = Inquiry
ticket-usage = Usage: /ticket REF, e.g. /ticket BX-20261122-007
ticket-not-here = Ticket { $ref } belongs to { $department } and is not handled in this group. Look it up in that department's group, or in a private chat with the bot.
