# 同一故障的多位住户：“已有人报修 · 我也遇到”、关注、重复工单、公告（src/followers）

## 报修时：已有人报修
metoo-offer = 📣 <b>已有人报修</b>（{ $count } 张处理中的工单）：
metoo-line = • <b>{ $ref }</b>（{ $status }，{ $since } 起）
metoo-question = 是同一个问题吗？点“我也遇到”即可关注该工单，处理进展和结果都会通知您，无需重复报修。
btn-metoo = 🙋 我也遇到
btn-metoo-ref = 🙋 我也遇到：{ $ref }
btn-something-else = ➡️ 不是，是别的问题
metoo-done = ✅ 已为您关注工单 <b>{ $ref }</b>。接单、处理进展和处理结果都会通知您。可在“我的工单”中取消关注。
metoo-gone = 工单 <b>{ $ref }</b> 刚刚已处理或关闭，我们继续为您登记新的报修。

## 扫码报修
scan-place = 📍 扫码报修：<b>{ $place }</b>

## 关注者收到的通知（不含任何住户的个人信息）
follower-update = 🔔 您关注的工单 <b>{ $ref }</b>（{ $what }）：{ $change }
follower-claimed = 已由 { $name } 接单处理。
follower-arrived = { $name } 已到场处理。
follower-resolved =
    已处理完成（{ $name }）。
    处理结果：{ $result }
follower-closed = 已关闭。如问题仍然存在，请重新报修。
follower-reopened = 已重新打开，正在返工。
follower-transferred = 已转交{ $department }处理。
follower-released = 正在重新安排处理人员。
follower-reassigned = 改由 { $name } 处理。
follower-rescheduled = 已改期，预计 { $until } 继续处理。
follower-cancelled = 原报修已撤回。如问题仍然存在，请重新报修。
follower-duplicate = 已并入工单 { $of }，您将继续收到该工单的进展。

## 公告
notice-message =
    📢 <b>{ $office } 公告</b>（{ $ref } { $what }）
    { $text }
follower-card-urgent = ⚠️ <b>{ $ref }</b> 已有 { $count } 户住户受影响，优先级已提高为紧急。

## 重复工单：报修人收到
resident-duplicate = 🔗 您的工单 { $ref } 与正在处理的工单 <b>{ $of }</b> 是同一问题，已合并关闭。{ $of } 的处理进展和结果会通知您。

## 卡片
card-affected = 👥 受影响住户：{ $count } 户
card-duplicate-of = 🔗 重复工单，已并入 { $of }
btn-duplicate = 🔗 重复工单
btn-public-notice = 📢 公告
contact-followers-title = 👥 同样受影响的住户（{ $count } 户，请勿外传）：
contact-follower = • { $name } · { $phone } · { $address }

## 历史
history-followed = 又一户住户受影响（我也遇到）
history-followed-resident = 又有住户反映了同样的问题
history-followed-duplicate = { $who } 并入了重复工单 { $from } 的住户
history-unfollowed = 一户住户取消了关注
history-closed-duplicate = { $who } 标记为重复工单，已并入 { $of }
history-notice = 📢 { $who } 发布公告：{ $text }
my-event-followed = 受影响住户有变化
my-event-duplicate = 已并入其他工单

## 员工：重复工单
dup-dm = 请在私聊中输入与 <b>{ $ref }</b> 重复的那张工单的编号：
btn-dup-dm = 🔗 输入工单号
dup-ask-ref = 🔗 <b>{ $ref }</b> 与哪张工单重复？请输入那张工单的编号（例如 BX-20261123-001）。本工单将关闭，住户改为关注那张工单。
dup-ref-invalid = 这不是工单编号，请输入例如 BX-20261123-001。
dup-same = 不能与自己重复，请输入另一张工单的编号。
dup-not-found = 找不到工单 { $of }，请检查编号。本工单未作更改。
dup-not-live = 工单 { $of } 当前为“{ $status }”，不能并入。本工单未作更改。
dup-done = ✅ { $ref } 已作为重复工单关闭，住户已改为关注 <b>{ $of }</b>。

## 员工：公告
refuse-no-notice-role = 抱歉，您的岗位不能发布工单 { $ref } 的公告，请联系部门主管或管理处主任。
pub-dm = 请在私聊中写 <b>{ $ref }</b> 的公告：
btn-pub-dm = 📢 写公告
pub-ask-text = 📢 <b>{ $ref }</b> 的公告：请输入内容。它会发给报修住户和所有受影响的住户。
pub-confirm =
    📢 将发给 { $count } 户住户：
    { $text }
btn-pub-send = ✅ 发送
pub-done = ✅ { $ref } 的公告已发出（{ $count } 户住户）。

## 我的工单：关注的工单
my-following-title = 👥 <b>我关注的工单</b>（{ $count } 张）
my-following-line = <b>{ $ref }</b> { $what } · { $status }
btn-my-follow-open = 👥 { $ref } · { $status }
my-follow-title = 👥 <b>{ $ref }</b> { $what }（我关注的）
my-follow-note = 您因“我也遇到”关注此工单，处理进展会通知您。
btn-my-unfollow = 🔕 取消关注
my-unfollow-done = 已取消关注 { $ref }。
my-follow-gone = 您没有关注这张工单。
