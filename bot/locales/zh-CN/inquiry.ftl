## 咨询建议：住户提问，员工在私聊中回复

inquiry-ask-question = 💬 <b>咨询建议</b>：请写下您的问题或建议：
inquiry-ask-photo = 📷 需要附一张照片吗？直接发送照片，或点「跳过」。
inquiry-photo-want = 这里可以发送一张照片；不需要请点「跳过」。
# 住户点「再问一句」后（供 disputeReason 场景按工单类型选用）
inquiry-ask-more = 💬 还想问什么？请直接写下来（{ $ref }，可跳过）。
inquiry-more-sent = ✅ 已转达，我们会尽快再次回复您。

## 员工回复（员工使用管理处语言）
answer-dm =
    💬 请回复咨询 <b>{ $ref }</b>：
    { $question }
btn-write-answer = ✍️ 填写回复
answer-see-dm = 请到与机器人的私聊中回复 { $ref }。
answer-ask-text =
    ✍️ 回复咨询 <b>{ $ref }</b>
    住户的问题：{ $question }
    请输入回复内容：
answer-ask-text-followup =
    ✍️ 再次回复咨询 <b>{ $ref }</b>
    住户的问题：{ $question }
    住户追问：{ $followup }
    请输入回复内容：
answer-ask-photo = 📷 可以附一张照片，或点「跳过」。
answer-confirm =
    请确认发给住户的回复（{ $ref }）：
    { $answer }
    照片：{ $count } 张
btn-send-answer = ✅ 发送回复
answer-done = ✅ 已回复 { $ref }，住户可以结束咨询或再问一句。
