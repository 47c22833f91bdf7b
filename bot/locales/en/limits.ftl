## Time limits: a reminder to the handler before, the head when late, the manager when later still; unclaimed tickets announced again; no progress released; weekly progress to the resident; /late

lim-name-response = response limit (claim)
lim-name-on-site = on-site limit
lim-name-resolution = resolution limit
lim-name-first-answer = first-answer limit
lim-owner-none = unclaimed

lim-remind-owner = ⏰ Reminder: the { $limit } of ticket <b>{ $ref }</b> ({ $what }) is { $due }, { $left } left.
lim-remind-owner-group = ⏰ { $owner }: the { $limit } of ticket <b>{ $ref }</b> ({ $what }) is { $due }, { $left } left.
lim-remind-unclaimed = ⏰ Ticket <b>{ $ref }</b> ({ $what }) is still unclaimed; { $limit } { $due }, { $left } left. Please claim it.
lim-waiting-line = ⏳ Rescheduled to { $until } ({ $reason }), after the { $limit }: a head must approve an extension.

lim-head-group = ⚠️ <b>Overdue</b>: ticket <b>{ $ref }</b> ({ $what }) is past its { $limit } ({ $due }) by { $late }. Handler: { $owner }. { $heads }, please follow up.
lim-head-dm = ⚠️ Ticket <b>{ $ref }</b> ({ $what }) of your department is past its { $limit } ({ $due }) by { $late }. Handler: { $owner }.
lim-manager-dm = 🚨 Ticket <b>{ $ref }</b> ({ $what }, { $department }) is past its { $limit } ({ $due }) by { $late }; the head was alerted and it is still open. Handler: { $owner }.
lim-approve-hint = To allow more time, press "Approve extension" and choose how long.
lim-heads-none = Head

lim-record-remind = { $limit } { $due }, reminded { $who }
lim-record-head = past the { $limit } ({ $due }), alerted { $who }
lim-record-manager = past the { $limit } ({ $due }) by { $late }, reported to { $who }
lim-record-group = the staff group

lim-btn-approve = ✅ Approve extension
lim-btn-extend-by = +{ $duration }
lim-btn-back = ↩️ Back
lim-extend-choose = Extend by how long? The new limit counts from now or from the old limit, whichever is later.
lim-extend-reason = Extension of { $duration } approved by the head
lim-extend-reason-waiting = Extension of { $duration } approved by the head: { $reason }
lim-extended-line = ✅ { $name } approved an extension to { $until }.
lim-extended-done = Extension of { $ref } to { $until } approved.
lim-extended-under-card = ✅ { $name } approved an extension of ticket <b>{ $ref }</b>; new resolution limit: { $until }.
lim-refuse-not-head = Sorry, only a head of its department or the office manager can approve more time for ticket { $ref }.
lim-extend-invalid = This choice is no longer offered; please press "Approve extension" again.

lim-reannounce = 🔔 Ticket <b>{ $ref }</b> ({ $what }) has waited { $waited } and is still unclaimed. Please claim it.
lim-reannounce-emergency = 🚨 <b>{ $ref }</b> ({ $what }) has waited { $waited } and is still unclaimed! Claim it and go now.

lim-release-reason = no progress for { $idle } after the claim; released automatically
lim-released-group = ↩️ Ticket <b>{ $ref }</b> ({ $what }) claimed by { $owner } had no progress for { $idle } and was released; please claim it again.

lim-progress =
    📋 Progress of ticket <b>{ $ref }</b> ({ $what })
    Handler: { $owner }
    Latest: { $last } ({ $at })
    Expected by: { $due }
lim-progress-unassigned = a handler is being arranged
lim-progress-waiting = ⏳ { $reason }; work continues by { $until }.
lim-progress-footer = We follow every case to the end. In "My tickets" you can see the history or send a reminder.
lim-btn-progress-details = 📄 Details

cmd-late = Overdue tickets of this group
late-title = ⏰ <b>Overdue tickets of { $departments }</b> ({ $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    }, latest first):
late-title-all = ⏰ <b>All overdue tickets</b> ({ $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    }, latest first):
late-none = ✅ { $departments } has no overdue tickets.
late-none-all = ✅ No overdue tickets.
late-line = { $icon } <code>{ $ref }</code> { $what } · { $owner } · { $limit } { $due } · late by { $late }
