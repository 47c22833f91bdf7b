## The resident's "My tickets": the list, one ticket's details and history, add information, urge, cancel

my-empty = You have not reported anything yet. Use the menu below to report a repair, a complaint or a question.
my-title = 📋 <b>My tickets</b> ({ $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    } in all, page { $page }/{ $pages })
my-line =
    <b>{ $ref }</b> { $kind } · { $status }
    └ Last: { $last } ({ $at })
my-open-hint = Tap a reference below for its details and history.
btn-my-open = { $ref } · { $status }
btn-my-prev = ◀ Previous
btn-my-next = Next ▶
btn-my-back = ⬅️ Back to the list
my-kind-complaint = Complaint
my-kind-emergency = Emergency
my-kind-inquiry = Question / suggestion
my-event-created = submitted
my-event-claimed = claimed
my-event-arrived = staff arrived
my-event-resolved = resolved
my-event-confirmed = confirmed and closed
my-event-reopened = reopened
my-event-info-added = information added
my-event-transferred = transferred
my-event-released = waiting for a new handler
my-event-reassigned = new handler
my-event-rescheduled = rescheduled / waiting for parts
my-event-note-added = progress update
my-event-urged = urged
my-event-cancelled = cancelled
my-event-classified = registered for handling

my-detail-title = 📄 <b>{ $ref }</b> { $kind }
my-detail-status = Status: { $status }
my-detail-status-owner = Status: { $status } ({ $owner })
my-detail-created = Reported: { $at }
my-detail-anonymous = 🕶 Anonymous complaint: staff cannot see who you are.
my-detail-location = Where: { $location }
my-detail-description = What: { $description }
my-detail-waiting = ⏳ { $reason }, expected { $until }
my-detail-due = Expected done by: { $due }
my-detail-result = Result: { $result }
my-detail-urge-next = 🔔 You urged it on { $at }; you can urge again after { $next }.
btn-my-add = ➕ Add information / photos
btn-my-urge = 🔔 Urge
btn-my-cancel = ✖️ Cancel ticket

## History (residents and staff read the same record)
history-title = 📜 <b>History</b> ({ $count ->
        [one] 1 entry
       *[other] { $count } entries
    })
history-empty = Nothing recorded yet.
history-role-resident = resident
history-role-staff = staff
history-role-head = head
history-role-manager = manager
history-role-system = system
history-who-system = System
history-who-you = You
history-who-anonymous = Anonymous resident
history-who-resident = Resident
history-who-staff = { $name } ({ $role })
history-created = { $who } reported it
history-claimed = { $who } claimed it
history-arrived = { $who } arrived on site
history-resolved = { $who } resolved it
history-resolved-text = { $who } resolved it: { $text }
history-confirmed = { $who } confirmed it solved; closed
history-reopened = { $who } said it is not solved; reopened
history-reopened-text = { $who } said it is not solved; reopened: { $text }
history-info-added = { $who } added { $count ->
        [one] one attachment
       *[other] { $count } attachments
    }
history-info-added-text = { $who } added: { $text }{ $count ->
        [0] {""}
        [one] {" "}(one attachment)
       *[other] {" "}({ $count } attachments)
    }
history-transferred = { $who } transferred it to { $department }
history-released = { $who } released it for a new handler
history-released-text = { $who } released it for a new handler: { $text }
history-released-resident = Waiting for a new handler
history-reassigned = { $who } reassigned it to { $to }
history-reassigned-resident = Now handled by { $to }
history-rescheduled = { $who } rescheduled: { $text }; new time { $until }
history-waiting-parts = { $who } is waiting for parts: { $text }; expected { $until }
history-note-internal = 🔒 { $who }, internal note: { $text }
history-note-shared = { $who }, note (shown to the resident): { $text }
history-note-resident = { $who }: { $text }
history-urged = { $who } urged it
history-cancelled = { $who } cancelled it
history-cancelled-text = { $who } cancelled it: { $text }
history-classified = { $who } classified it as "{ $class }"
history-classified-resident = Complaint registered for handling; expect an answer by { $due }
history-classified-invalid-resident = Outside the office's responsibilities: { $text }

## Adding information
my-add-ask = ➕ Ticket <b>{ $ref }</b>: write what you want to add, or send photos / videos (up to { $max }).
btn-my-add-photos-only = 📷 Only photos
my-add-ask-media = 📷 You can also send photos or videos (up to { $max }), then tap "Done"; or tap "Skip".
my-add-nothing = Nothing received; ticket { $ref } is unchanged.
my-add-done = ✅ Added to ticket { $ref } and passed on to the staff.
my-add-card = ➕ The resident adds (<b>{ $ref }</b>): { $text }
my-add-card-media-only = ➕ The resident added { $count ->
        [one] 1 attachment
       *[other] { $count } attachments
    } to <b>{ $ref }</b> (below).
my-add-card-attachments = 📎 { $count ->
        [one] 1 attachment
       *[other] { $count } attachments
    } (below)

## Urging
my-urge-done = 🔔 { $ref } urged; the staff have been told.
my-urge-owner = 🔔 The resident urges ticket <b>{ $ref }</b> ({ $count ->
        [one] first urge
       *[other] urged { $count } times
    }); please see to it and tell them how it is going.
my-urge-group = 🔔 The resident urges ticket <b>{ $ref }</b> ({ $count ->
        [one] first urge
       *[other] urged { $count } times
    }); nobody has claimed it yet, please arrange it soon.
my-urge-group-owner = 🔔 The resident urges ticket <b>{ $ref }</b> ({ $count ->
        [one] first urge
       *[other] urged { $count } times
    }); { $owner }, please see to it and tell them how it is going.

## Cancelling
my-cancel-ask-reason = ✖️ Cancel ticket <b>{ $ref }</b>: why? (tap a common reason or type your own)
my-cancel-reason-solved = The problem solved itself
my-cancel-reason-mistake = Reported by mistake
my-cancel-reason-duplicate = Reported twice
my-cancel-reason-not-needed = Not needed any more
my-cancel-confirm =
    Do you really want to cancel ticket <b>{ $ref }</b>?
    Reason: { $reason }
btn-my-cancel-yes = ✅ Yes, cancel it
btn-my-cancel-no = ↩️ No, keep it
my-cancel-kept = All right, ticket { $ref } stays as it is.
my-cancel-too-late = Sorry, work on ticket { $ref } has already started ({ $status }), so it can no longer be cancelled. If something changed, add information to it in My tickets.
my-cancel-card = ✖️ The resident cancelled ticket <b>{ $ref }</b>. Reason: { $reason }

## History: follow-ups, time limits and automatic steps
history-auto-confirmed = No answer within the confirmation period: confirmed automatically
history-deadline-extended = { $who } approved an extension to { $until }: { $text }
history-repeat-flagged = Flagged as a repeat (earlier: { $of })
history-survey-sent = Follow-up survey sent
history-survey-answered = The resident answered the follow-up survey
history-survey-no-answer = Follow-up survey: no answer
history-reminded = Reminder to the handler: { $text }
history-escalated = Escalated: { $text }
history-reannounced = Unclaimed: announced again in the staff group
history-progress-sent = Progress update sent to the resident
