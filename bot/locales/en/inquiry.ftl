## Inquiries and suggestions: the resident asks, staff answer in their private chat

inquiry-ask-question = 💬 <b>Question or suggestion</b>: please write it here:
inquiry-ask-photo = 📷 Would you like to add a photo? Send it now, or tap "Skip".
inquiry-photo-want = You can send one photo here; tap "Skip" if you don't need to.
# After "Ask once more" (for the disputeReason scene to pick by ticket kind)
inquiry-ask-more = 💬 What else would you like to ask? Just write it here ({ $ref }, optional).
inquiry-more-sent = ✅ Passed on; we will answer you again soon.

## Staff answers (staff use the office's language)
answer-dm =
    💬 Please answer inquiry <b>{ $ref }</b>:
    { $question }
btn-write-answer = ✍️ Write the answer
answer-see-dm = Please answer { $ref } in your private chat with the bot.
answer-ask-text =
    ✍️ Answer to inquiry <b>{ $ref }</b>
    The resident asked: { $question }
    Please type the answer:
answer-ask-text-followup =
    ✍️ Answer inquiry <b>{ $ref }</b> again
    The resident asked: { $question }
    Follow-up: { $followup }
    Please type the answer:
answer-ask-photo = 📷 You can add one photo, or tap "Skip".
answer-confirm =
    Please check the answer the resident will get ({ $ref }):
    { $answer }
    Photos: { $count }
btn-send-answer = ✅ Send the answer
answer-done = ✅ { $ref } answered; the resident can close it or ask once more.
