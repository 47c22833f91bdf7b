## Follow-up surveys and auto-confirmation
followup-title = 📋 <b>Follow-up</b> · { $ref }
followup-intro = Hello! Your "{ $what }" was completed on { $closed }. Please take a minute to rate our service: tap the buttons below, in any order.
followup-intro-recheck = Hello! About a month ago we fixed your "{ $what }" (completed on { $closed }). Has the problem come back?
followup-reminder = ⏰ A reminder: this follow-up is not finished yet, and your opinion matters to us.
followup-line-timeliness = ⏱ Timeliness: { $value }
followup-line-attitude = 🙂 Staff attitude: { $value }
followup-line-quality = 🔧 Quality of the result: { $value }
followup-line-solved = ✅ Problem solved: { $value }
followup-line-recheck = 🔁 Problem came back: { $value }
followup-line-comment = 💬 Comment: { $value }
followup-not-yet = not rated yet
followup-comment-optional = (optional)
followup-yes = yes
followup-no = no
followup-recheck-fine = no, all fine
followup-recheck-back = yes, it is back
followup-thanks = 🙏 Thank you for your answers!
followup-thanks-dissatisfied = 🙏 Thank you for telling us, and we are sorry it was not right. The ticket is reopened and we will work on it again soon.
followup-closed-note = This follow-up has closed.
followup-kind-repair = repair
followup-kind-complaint = complaint
followup-kind-emergency = emergency
followup-kind-inquiry = question

followup-btn-solved = 👍 Solved
followup-btn-not-solved = 👎 Not solved
followup-btn-recheck-fine = 👍 All fine
followup-btn-recheck-back = 🔁 It is back
followup-btn-comment = ✍️ Add a comment

followup-saved = Saved, thank you!
followup-finished = Follow-up complete, thank you!
followup-already-answered = You have already answered this follow-up, thank you!
followup-expired = This follow-up has closed and can no longer be answered. If the problem is still there, please report it again.
followup-not-yours = This follow-up is not yours.
followup-not-found = This follow-up could not be found.

followup-comment-prompt = ✍️ Please reply to this message with your comment on how { $ref } was handled:
followup-comment-placeholder = Your comment or suggestion
followup-comment-saved = 🙏 Comment received, thank you!
followup-comment-too-long = That comment is too long; please keep it under { $max ->
        [one] 1 character
       *[other] { $max } characters
    }.
followup-comment-busy = Please finish (or /cancel) what you are filling in first, then add the comment.

followup-auto-confirmed = ✅ Ticket { $ref } was completed and we did not hear back within { $wait }, so it has been confirmed and closed automatically. If the problem is still there, please report it again.
followup-reopened-resident = 🔁 Following your answers, ticket { $ref } is reopened; we will arrange the rework soon.

followup-reopened-staff =
    ⚠️ <b>Dissatisfied follow-up</b>: { $ref } is reopened (#{ $count }).
    Resident's rating: { $scores }
    Resident's comment: { $comment }
    { $owner }, please redo the work; { $heads }, please follow up.
followup-reopened-head =
    ⚠️ <b>Dissatisfied follow-up</b> in your department: { $ref } is reopened (#{ $count }).
    Resident's rating: { $scores }
    Resident's comment: { $comment }
    Handler: { $owner }. Please follow up.
followup-late-comment-staff = 💬 The resident added a comment to the follow-up of { $ref }: { $comment }
followup-short-timeliness = Timeliness
followup-short-attitude = Attitude
followup-short-quality = Quality
followup-short-solved = solved
followup-short-not-solved = not solved
followup-no-comment = (none)
followup-no-owner = the owner
followup-head = the department head

followup-repeat-alert = 🔁 <b>Repeat report</b>: { $ref } ({ $what }, { $place }) repeats { $earlier } from { $days ->
        [one] 1 day
       *[other] { $days } days
    } before: same resident, same category, same place. Please keep an eye on it.
card-repeat-of = 🔁 <b>Repeat report</b>: earlier { $of }
