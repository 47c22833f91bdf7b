## Updates for residents: every change of every kind of ticket

resident-accepted-complaint =
    ✅ Your complaint is registered as <b>{ $ref }</b>.
    It went to <b>{ $department }</b> (response within { $response }); once it is classified we will tell you when to expect an answer.
    Send /my to check on it.
resident-accepted-emergency =
    🚨 Emergency <b>{ $ref }</b>: everyone on duty at the office has been alerted and is on the way.
resident-accepted-inquiry =
    ✅ Your question is registered as <b>{ $ref }</b>; { $department } will reply within { $response }.
resident-claimed-emergency = 🏃 { $name } has taken emergency { $ref } and is on the way.
resident-claimed-other = 👤 { $name } is handling your { $ref }.
resident-complaint-answered =
    📢 The office's answer to complaint { $ref } ({ $name }):
    { $result }
resident-answered =
    💬 Reply to { $ref } ({ $name }):
    { $result }
resident-ask-close = Tap "Ask once more" if you have a follow-up question, or "Close" if not.
resident-inquiry-reopened = 💬 Got it; { $ref } will be answered again.
resident-transferred = ↪️ Your ticket { $ref } has been passed to <b>{ $department }</b>.
resident-released = ↩️ Your ticket { $ref } is back in the queue: the colleague who took it could not continue. Another colleague will take it up soon; you do not need to report it again.
resident-reassigned = 👤 Your ticket { $ref } is now handled by { $name }.
resident-waiting-parts = ⏳ Ticket { $ref } is waiting for parts: { $reason }. Expected to continue { $until }.
resident-rescheduled = ⏳ Ticket { $ref } has been rescheduled: { $reason }. New time: { $until }.
resident-note = 📝 About { $ref } ({ $name }): { $note }
resident-cancelled = Ticket { $ref } is cancelled. You can report again at any time.
resident-classified = 🏷 Your complaint { $ref } is being handled; expect an answer by { $due }.
resident-classified-invalid =
    🏷 Your complaint { $ref } turned out to be outside the office's responsibilities:
    { $explanation }
btn-inquiry-close = ✅ Close
btn-inquiry-more = 💬 Ask once more
card-moved = ↪️ { $ref } was transferred to { $department }; see that department's group.
