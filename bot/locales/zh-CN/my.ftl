## 住户「我的工单」：列表、详情与处理记录、补充信息、催办、取消

my-empty = 您还没有提交过工单。可以从下方菜单报修、投诉或咨询。
my-title = 📋 <b>我的工单</b>（共 { $count ->
       *[other] { $count } 张
    }，第 { $page }/{ $pages } 页）
my-line =
    <b>{ $ref }</b> { $kind } · { $status }
    └ 最近：{ $last }（{ $at }）
my-open-hint = 点下面的编号查看详情和处理记录。
btn-my-open = { $ref } · { $status }
btn-my-prev = ◀ 上一页
btn-my-next = 下一页 ▶
btn-my-back = ⬅️ 返回列表
my-kind-complaint = 投诉
my-kind-emergency = 紧急求助
my-kind-inquiry = 咨询建议
my-event-created = 已提交
my-event-claimed = 已接单
my-event-arrived = 已到场
my-event-resolved = 已处理完成
my-event-confirmed = 已确认关闭
my-event-reopened = 重新打开
my-event-info-added = 补充了信息
my-event-transferred = 转交部门
my-event-released = 等待重新安排
my-event-reassigned = 更换处理人
my-event-rescheduled = 改期 / 待料
my-event-note-added = 处理有新进展
my-event-urged = 已催办
my-event-cancelled = 已取消
my-event-classified = 已登记处理

my-detail-title = 📄 <b>{ $ref }</b> { $kind }
my-detail-status = 状态：{ $status }
my-detail-status-owner = 状态：{ $status }（{ $owner }）
my-detail-created = 提交时间：{ $at }
my-detail-anonymous = 🕶 匿名投诉：处理人员看不到您的身份。
my-detail-location = 位置：{ $location }
my-detail-description = 内容：{ $description }
my-detail-waiting = ⏳ { $reason }，预计 { $until }
my-detail-due = 预计完成：{ $due } 前
my-detail-result = 处理结果：{ $result }
my-detail-urge-next = 🔔 您已于 { $at } 催办，{ $next } 后可再次催办。
btn-my-add = ➕ 补充信息/照片
btn-my-urge = 🔔 催办
btn-my-cancel = ✖️ 取消工单

## 处理记录（住户和员工看到的都来自同一份记录）
history-title = 📜 <b>处理记录</b>（{ $count ->
       *[other] { $count } 条
    }）
history-empty = 暂无记录。
history-role-resident = 住户
history-role-staff = 员工
history-role-head = 主管
history-role-manager = 主任
history-role-system = 系统
history-who-system = 系统
history-who-you = 您
history-who-anonymous = 匿名住户
history-who-resident = 住户
history-who-staff = { $name }（{ $role }）
history-created = { $who } 提交了工单
history-claimed = { $who } 接单
history-arrived = { $who } 到场处理
history-resolved = { $who } 处理完成
history-resolved-text = { $who } 处理完成：{ $text }
history-confirmed = { $who } 确认已解决，工单关闭
history-reopened = { $who } 反馈未解决，工单重新打开
history-reopened-text = { $who } 反馈未解决，工单重新打开：{ $text }
history-info-added = { $who } 补充了 { $count ->
       *[other] { $count } 个附件
    }
history-info-added-text = { $who } 补充信息：{ $text }{ $count ->
        [0] {""}
       *[other] （附件 { $count } 个）
    }
history-transferred = { $who } 将工单转交{ $department }
history-released = { $who } 退回工单，等待重新安排
history-released-text = { $who } 退回工单，等待重新安排：{ $text }
history-released-resident = 工单等待重新安排处理人员
history-reassigned = { $who } 改派给 { $to }
history-reassigned-resident = 改由 { $to } 处理
history-rescheduled = { $who } 改期：{ $text }，新时间 { $until }
history-waiting-parts = { $who } 等待配件：{ $text }，预计 { $until }
history-note-internal = 🔒 { $who } 内部备注：{ $text }
history-note-shared = { $who } 备注（已告知住户）：{ $text }
history-note-resident = { $who }：{ $text }
history-urged = { $who } 催办
history-cancelled = { $who } 取消了工单
history-cancelled-text = { $who } 取消了工单：{ $text }
history-classified = { $who } 分类为「{ $class }」
history-classified-resident = 投诉已登记处理，预计 { $due } 前答复
history-classified-invalid-resident = 经核实不属于物业服务范围：{ $text }

## 补充信息
my-add-ask = ➕ 工单 <b>{ $ref }</b>：请写下要补充的内容，或直接发送照片 / 视频（最多 { $max } 个）。
btn-my-add-photos-only = 📷 只发照片
my-add-ask-media = 📷 还可以发送照片或视频（最多 { $max } 个），发完点「完成」；没有就点「跳过」。
my-add-nothing = 没有收到任何内容，工单 { $ref } 未作改动。
my-add-done = ✅ 已补充到工单 { $ref }，并转达给处理人员。
my-add-card = ➕ 住户补充（<b>{ $ref }</b>）：{ $text }
my-add-card-media-only = ➕ 住户为 <b>{ $ref }</b> 补充了 { $count ->
       *[other] { $count } 个附件
    }（见下方）。
my-add-card-attachments = 📎 附件 { $count ->
       *[other] { $count } 个
    }（见下方）

## 催办
my-urge-done = 🔔 已催办 { $ref }，已通知处理人员。
my-urge-owner = 🔔 住户催办工单 <b>{ $ref }</b>（{ $count ->
       *[other] 第 { $count } 次
    }），请尽快处理并告知进展。
my-urge-group = 🔔 住户催办工单 <b>{ $ref }</b>（{ $count ->
       *[other] 第 { $count } 次
    }），目前无人接单，请尽快安排。
my-urge-group-owner = 🔔 住户催办工单 <b>{ $ref }</b>（{ $count ->
       *[other] 第 { $count } 次
    }），请 { $owner } 尽快处理并告知进展。

## 取消
my-cancel-ask-reason = ✖️ 取消工单 <b>{ $ref }</b>：请说说取消的原因（可点常见原因，或直接输入）：
my-cancel-reason-solved = 问题已经自行解决
my-cancel-reason-mistake = 提交错了
my-cancel-reason-duplicate = 重复提交了
my-cancel-reason-not-needed = 暂时不需要了
my-cancel-confirm =
    确定要取消工单 <b>{ $ref }</b> 吗？
    原因：{ $reason }
btn-my-cancel-yes = ✅ 确认取消工单
btn-my-cancel-no = ↩️ 不取消了
my-cancel-kept = 好的，工单 { $ref } 保持不变。
my-cancel-too-late = 抱歉，工单 { $ref } 已经开始处理（当前：{ $status }），不能再取消。如有变化，可以在「我的工单」里补充信息告诉处理人员。
my-cancel-card = ✖️ 住户已取消工单 <b>{ $ref }</b>，原因：{ $reason }

## 历史：回访、时效与自动处理
history-auto-confirmed = 超过确认期限未答复，系统自动确认
history-deadline-extended = { $who } 批准延期至 { $until }：{ $text }
history-repeat-flagged = 标记为重复报事（前次 { $of }）
history-survey-sent = 发出回访
history-survey-answered = 住户完成回访
history-survey-no-answer = 回访无人答复
history-reminded = 提醒处理人：{ $text }
history-escalated = 升级上报：{ $text }
history-reannounced = 无人接单，重新提醒员工群
history-progress-sent = 向住户发送进度通报
