# Residents affected by the same fault: "Already reported · Me too", following, duplicates, public notices (src/followers)

## At intake: already reported
metoo-offer = 📣 <b>Already reported</b> ({ $count ->
        [one] one open ticket
       *[other] { $count } open tickets
    }):
metoo-line = • <b>{ $ref }</b> ({ $status }, since { $since })
metoo-question = Is it the same problem? Press "Me too" to follow that ticket: you will hear of its progress and its result, no need to report it again.
btn-metoo = 🙋 Me too
btn-metoo-ref = 🙋 Me too: { $ref }
btn-something-else = ➡️ No, it's something else
metoo-done = ✅ You now follow ticket <b>{ $ref }</b>. You will be told when it is claimed, of its progress and of its result. You can stop following in My tickets.
metoo-gone = Ticket <b>{ $ref }</b> has just been dealt with or closed; let's register your report as a new one.

## Scan to report
scan-place = 📍 Reporting from: <b>{ $place }</b>

## What followers are told (nobody's personal details)
follower-update = 🔔 Ticket <b>{ $ref }</b> you follow ({ $what }): { $change }
follower-claimed = { $name } has taken it.
follower-arrived = { $name } is on site.
follower-resolved =
    resolved by { $name }.
    Result: { $result }
follower-closed = closed. If the problem is still there, please report it again.
follower-reopened = reopened; the work continues.
follower-transferred = passed to { $department }.
follower-released = being given to another member of staff.
follower-reassigned = now handled by { $name }.
follower-rescheduled = rescheduled; work continues by { $until }.
follower-cancelled = the original report was withdrawn. If the problem is still there, please report it again.
follower-duplicate = merged into ticket { $of }; you will hear of that ticket's progress.

## Public notice
notice-message =
    📢 <b>Notice from { $office }</b> ({ $ref } { $what })
    { $text }
follower-card-urgent = ⚠️ <b>{ $ref }</b> now affects { $count } households: priority raised to urgent.

## Duplicate: what its reporter is told
resident-duplicate = 🔗 Your ticket { $ref } is the same problem as ticket <b>{ $of }</b>, which is being handled, and has been merged into it. You will hear of { $of }'s progress and result.

## Card
card-affected = 👥 Households affected: { $count }
card-duplicate-of = 🔗 Duplicate, merged into { $of }
btn-duplicate = 🔗 Duplicate of…
btn-public-notice = 📢 Notice
contact-followers-title = 👥 Also affected ({ $count }, keep confidential):
contact-follower = • { $name } · { $phone } · { $address }

## History
history-followed = Another household affected (me too)
history-followed-resident = Another resident reported the same problem
history-followed-duplicate = { $who } moved the resident of duplicate { $from } here
history-unfollowed = A household stopped following
history-closed-duplicate = { $who } marked it a duplicate of { $of }
history-notice = 📢 { $who } sent a notice: { $text }
my-event-followed = households affected changed
my-event-duplicate = merged into another ticket

## Staff: duplicate
dup-dm = Type the reference of the ticket <b>{ $ref }</b> duplicates in the private chat:
btn-dup-dm = 🔗 Type the reference
dup-ask-ref = 🔗 Which ticket does <b>{ $ref }</b> duplicate? Type its reference (e.g. BX-20261123-001). This one closes and its resident follows that one.
dup-ref-invalid = That is not a ticket reference; type one like BX-20261123-001.
dup-same = A ticket cannot duplicate itself; type the other ticket's reference.
dup-not-found = There is no ticket { $of }; please check the reference. Nothing was changed.
dup-not-live = Ticket { $of } is { $status } and cannot take a duplicate. Nothing was changed.
dup-done = ✅ { $ref } is closed as a duplicate; its resident now follows <b>{ $of }</b>.

## Staff: public notice
refuse-no-notice-role = Sorry, your role cannot send a notice about ticket { $ref }; please ask the department head or the office manager.
pub-dm = Write the notice about <b>{ $ref }</b> in the private chat:
btn-pub-dm = 📢 Write the notice
pub-ask-text = 📢 Notice about <b>{ $ref }</b>: type it. It goes to the resident who reported it and to every household affected.
pub-confirm =
    📢 To { $count ->
        [one] one household
       *[other] { $count } households
    }:
    { $text }
btn-pub-send = ✅ Send
pub-done = ✅ The notice about { $ref } is on its way ({ $count ->
        [one] one household
       *[other] { $count } households
    }).

## My tickets: tickets I follow
my-following-title = 👥 <b>Tickets I follow</b> ({ $count })
my-following-line = <b>{ $ref }</b> { $what } · { $status }
btn-my-follow-open = 👥 { $ref } · { $status }
my-follow-title = 👥 <b>{ $ref }</b> { $what } (following)
my-follow-note = You follow this ticket ("me too"); you will be told of its progress.
btn-my-unfollow = 🔕 Stop following
my-unfollow-done = You no longer follow { $ref }.
my-follow-gone = You do not follow this ticket.
