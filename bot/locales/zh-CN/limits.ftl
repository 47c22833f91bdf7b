## 时效：到期前提醒处理人，超时通知主管、再超时报告主任；无人接单再提醒；无进展自动退回；每周进度通报；/late

lim-name-response = 接单响应时限
lim-name-on-site = 上门时限
lim-name-resolution = 完成时限
lim-name-first-answer = 首次答复时限
lim-owner-none = 待接单

lim-remind-owner = ⏰ 提醒：工单 <b>{ $ref }</b>（{ $what }）的{ $limit }是 { $due }，还剩 { $left }。
lim-remind-owner-group = ⏰ { $owner }：工单 <b>{ $ref }</b>（{ $what }）的{ $limit }是 { $due }，还剩 { $left }。
lim-remind-unclaimed = ⏰ 工单 <b>{ $ref }</b>（{ $what }）还没有人接单，{ $limit } { $due }，还剩 { $left }。请尽快接单。
lim-waiting-line = ⏳ 已改期至 { $until }（{ $reason }），晚于{ $limit }，需要主管批准延期。

lim-head-group = ⚠️ <b>超时</b>：工单 <b>{ $ref }</b>（{ $what }）已超过{ $limit }（{ $due }），超时 { $late }。处理人：{ $owner }。{ $heads } 请跟进。
lim-head-dm = ⚠️ 您部门的工单 <b>{ $ref }</b>（{ $what }）已超过{ $limit }（{ $due }），超时 { $late }。处理人：{ $owner }。
lim-manager-dm = 🚨 工单 <b>{ $ref }</b>（{ $what }，{ $department }）已超过{ $limit }（{ $due }），超时 { $late }，主管已收到提醒，仍未办结。处理人：{ $owner }。
lim-approve-hint = 如同意延期，请点“批准延期”并选择延期多久。
lim-heads-none = 主管

lim-record-remind = { $limit } { $due }，已提醒 { $who }
lim-record-head = 已超过{ $limit }（{ $due }），已通知 { $who }
lim-record-manager = 已超过{ $limit }（{ $due }），超时 { $late }，已报告 { $who }
lim-record-group = 员工群

lim-btn-approve = ✅ 批准延期
lim-btn-extend-by = +{ $duration }
lim-btn-back = ↩️ 返回
lim-extend-choose = 延期多久？新的完成时限从现在或原时限（取较晚者）起算。
lim-extend-reason = 主管批准延期 { $duration }
lim-extend-reason-waiting = 主管批准延期 { $duration }：{ $reason }
lim-extended-line = ✅ { $name } 已批准延期至 { $until }。
lim-extended-done = 已批准 { $ref } 延期至 { $until }。
lim-extended-under-card = ✅ { $name } 批准工单 <b>{ $ref }</b> 延期，新的完成时限：{ $until }。
lim-refuse-not-head = 抱歉，只有本部门主管或管理处主任可以批准工单 { $ref } 延期。
lim-extend-invalid = 这个选项已失效，请重新点“批准延期”。

lim-reannounce = 🔔 工单 <b>{ $ref }</b>（{ $what }）已等待 { $waited }，仍无人接单，请尽快接单。
lim-reannounce-emergency = 🚨 <b>{ $ref }</b>（{ $what }）已等待 { $waited }，仍无人接单！请立即接单并赶到现场。

lim-release-reason = 接单后 { $idle } 没有进展，系统自动退回
lim-released-group = ↩️ 工单 <b>{ $ref }</b>（{ $what }）由 { $owner } 接单后 { $idle } 没有进展，已自动退回，请重新接单。

lim-progress =
    📋 工单 <b>{ $ref }</b>（{ $what }）进度通报
    处理人：{ $owner }
    最近进展：{ $last }（{ $at }）
    预计完成：{ $due }
lim-progress-unassigned = 正在安排处理人员
lim-progress-waiting = ⏳ { $reason }，预计 { $until } 继续处理。
lim-progress-footer = 每件事我们都会跟进到底。您可以在「我的工单」查看处理记录或催办。
lim-btn-progress-details = 📄 查看详情

cmd-late = 本群超时的工单
late-title = ⏰ <b>{ $departments }超时的工单</b>（{ $count ->
       *[other] { $count } 张
    }，超时最久的在前）：
late-title-all = ⏰ <b>全部超时的工单</b>（{ $count ->
       *[other] { $count } 张
    }，超时最久的在前）：
late-none = ✅ { $departments }目前没有超时的工单。
late-none-all = ✅ 目前没有超时的工单。
late-line = { $icon } <code>{ $ref }</code> { $what } · { $owner } · { $limit } { $due } · 超时 { $late }
