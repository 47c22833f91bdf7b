## 通知住户：各类工单的每一次变化

resident-accepted-complaint =
    ✅ 投诉已受理，编号 <b>{ $ref }</b>
    已转交<b>{ $department }</b>，{ $response }内响应；分类后会告诉您预计答复时间。
    查询进度请发送 /my。
resident-accepted-emergency =
    🚨 紧急求助 <b>{ $ref }</b> 已通知物业所有值班人员，正在赶来。
resident-accepted-inquiry =
    ✅ 您的咨询已收到，编号 <b>{ $ref }</b>，{ $department }会在 { $response }内回复您。
resident-claimed-emergency = 🏃 { $name } 已接手紧急求助 { $ref }，正在赶往现场。
resident-claimed-other = 👤 { $name } 正在处理您的 { $ref }。
resident-complaint-answered =
    📢 投诉 { $ref } 处理答复（{ $name }）：
    { $result }
resident-answered =
    💬 { $ref } 的回复（{ $name }）：
    { $result }
resident-ask-close = 还有问题可以点「再问一句」，没有问题请点「结束」。
resident-inquiry-reopened = 💬 已收到，{ $ref } 会再次回复您。
resident-transferred = ↪️ 您的工单 { $ref } 已转交<b>{ $department }</b>处理。
resident-released = ↩️ 您的工单 { $ref } 原接单人暂时无法处理，已重新派单，其他同事会尽快接手，无需重新报修。
resident-reassigned = 👤 您的工单 { $ref } 改由 { $name } 处理。
resident-waiting-parts = ⏳ 工单 { $ref } 正在等待配件：{ $reason }。预计 { $until } 继续处理。
resident-rescheduled = ⏳ 工单 { $ref } 已改期：{ $reason }。新的时间：{ $until }。
resident-note = 📝 关于 { $ref }（{ $name }）：{ $note }
resident-cancelled = 工单 { $ref } 已取消。如有需要可随时重新提交。
resident-classified = 🏷 您的投诉 { $ref } 已登记处理，预计 { $due } 前答复您。
resident-classified-invalid =
    🏷 您的投诉 { $ref } 经核实不属于物业服务范围，说明如下：
    { $explanation }
btn-inquiry-close = ✅ 结束
btn-inquiry-more = 💬 再问一句
card-moved = ↪️ { $ref } 已转交{ $department }，请在该部门群查看。
