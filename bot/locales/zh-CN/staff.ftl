## 员工卡片操作：备注、改期/待料、转部门、退回、改派；员工命令

staff-see-dm = 请在与机器人的私聊中继续处理 { $ref }。

note-dm = 请为工单 <b>{ $ref }</b> 添加备注：
btn-note-dm = ✍️ 写备注
note-ask-text = 📝 工单 <b>{ $ref }</b> 的备注：请输入内容（同事会在卡片下看到）。只发照片请点“只发照片”。
btn-note-photos-only = 📷 只发照片
note-ask-media = 📷 可以发送照片或视频（最多 { $max } 个），发完点“完成”；没有就点“跳过”。
note-empty = 没有文字也没有照片，工单 { $ref } 未添加备注。
note-ask-tell = 这条备注要同时告知住户吗？（内部备注只有员工能看到）
btn-note-internal = 🔒 不用，仅内部备注
btn-note-tell = 📣 同时告知住户
note-under-card-internal = 📝 内部备注 { $ref }（{ $name }）：{ $note }
note-under-card-told = 📝 备注 { $ref }（{ $name }，已告知住户）：{ $note }
note-under-card-media = 📎 附 { $count ->
       *[other] { $count } 个照片/视频
    }（见下方）
note-done-internal = ✅ 已为 { $ref } 添加内部备注。
note-done-told = ✅ 已为 { $ref } 添加备注，并已告知住户。

rsch-dm = 请为工单 <b>{ $ref }</b> 填写改期或待料信息：
btn-rsch-dm = ⏳ 填写改期/待料
rsch-ask-kind = ⏳ 工单 <b>{ $ref }</b>：是等待配件，还是改约上门时间？
btn-rsch-parts = 🔩 等待配件
btn-rsch-visit = 📅 改约上门时间
rsch-ask-reason-parts = 需要等什么配件？（住户会看到这段说明，例如“水泵已订货”）
rsch-ask-reason-visit = 为什么改期？（住户会看到这段说明）
rsch-ask-time-parts = 预计什么时候继续？请点选时间，或输入如 <code>2026-11-25 14:00</code> 或 <code>11-25 14:00</code>（管理处当地时间）。
rsch-ask-time-visit = 新的上门时间？请点选时间，或输入如 <code>2026-11-25 14:00</code> 或 <code>11-25 14:00</code>（管理处当地时间）。
rsch-time-invalid = 没能看懂这个时间。请按 2026-11-25 14:00 或 11-25 14:00 的格式输入。
rsch-time-past = 这个时间已经过去了，请选一个以后的时间。
rsch-time-far = 这个时间太远了（超过一年），请重新输入。
rsch-confirm-parts =
    请确认：
    工单：{ $ref }
    等待配件：{ $reason }
    预计继续：{ $until }
rsch-confirm-visit =
    请确认：
    工单：{ $ref }
    改期原因：{ $reason }
    新上门时间：{ $until }
rsch-done = ✅ { $ref } 已更新，新时间 { $until }，已通知住户。

rel-dm = 请填写退回工单 <b>{ $ref }</b> 的原因：
btn-rel-dm = ↩️ 填写退回原因
rel-ask-reason = ↩️ 为什么退回 <b>{ $ref }</b>？请点选原因或直接输入。
rel-reason-not-mine = 不是我的专业范围
rel-reason-unreachable = 联系不上住户
btn-rel-other = ✏️ 其他原因（输入）
rel-ask-other = 请输入退回 { $ref } 的原因：
rel-under-card = ↩️ { $name } 退回了 { $ref }：{ $reason }。工单重新待接单。
rel-done = ✅ { $ref } 已退回，重新待接单。

tr-pick = ↪️ 把 <b>{ $ref }</b>（目前在{ $department }）转给哪个部门？
tr-done = ↪️ { $name } 已把 { $ref } 转给{ $department }。
tr-ok = 已把 { $ref } 转给{ $department }。
tr-already-there = 工单 { $ref } 已经在{ $department }了。

ra-pick = 👤 把 <b>{ $ref }</b> 改派给谁？（当前接单人：{ $owner }）
ra-no-owner = 无
ra-nobody = { $department }还没有其他已知的员工。员工在群里使用过机器人后会出现在这里。
ra-done = 👤 { $by } 已把 { $ref } 改派给 { $name }。
ra-ok = 已把 { $ref } 改派给 { $name }。
ra-already = 工单 { $ref } 已经由 { $name } 处理。
ra-target-not-staff = { $name } 不是（或已不再是）本部门的员工，请选择其他人。
ra-you-assigned = 👤 { $by } 把工单 <b>{ $ref }</b> 改派给了您。
ra-start-bot = 👤 { $name }：您还没有打开与机器人的私聊，请点 { $link } 并按“开始”，查看 { $ref } 的住户联系方式。

## 员工命令
cmd-open = 本群未办结的工单
cmd-mine = 我手上的工单
cmd-ticket = 查看工单：/ticket 单号
cmd-staff-chat-only = 这个命令请在员工群里使用（管理处主任也可以在与机器人的私聊中使用）。
open-no-departments = 这个群不是任何部门的工单群。
open-night = 夜间值班
open-title = <b>{ $departments }未办结的工单</b>（{ $count ->
       *[other] { $count } 张
    }，待接单在前）：
open-none = { $departments }目前没有未办结的工单。🎉
mine-title = <b>{ $name } 手上的工单</b>（{ $count ->
       *[other] { $count } 张
    }）：
mine-none = { $name }，您手上没有未办结的工单。
list-line-open = { $icon } <code>{ $ref }</code> { $what } · 待接单 · 响应时限 { $due }{ $late }
list-line-working = { $icon } <code>{ $ref }</code> { $what } · { $owner } · 完成时限 { $due }{ $late }
list-overdue = ⚠️ 已超时
list-more = …… 另有 { $count } 张未列出。
list-kind-repair = 报修
list-kind-complaint = 投诉
list-kind-emergency = 紧急
list-kind-inquiry = 咨询建议
ticket-usage = 用法：/ticket 单号，例如 /ticket BX-20261122-007
ticket-not-here = 工单 { $ref } 属于{ $department }，不在本群处理。请到该部门的群里查看，或在与机器人的私聊中查看。
