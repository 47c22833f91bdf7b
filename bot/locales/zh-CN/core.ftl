## 简体中文（默认语言）。占位符里的住户文字由程序转义，这里可以直接写 HTML 标签。

lang-name = 中文
lang-choose = 请选择语言：
lang-set = ✅ 已切换为中文。

## 主菜单
menu-repair = 🔧 报修
menu-complaint = 📢 投诉
menu-emergency = 🚨 紧急
menu-my = 📋 我的工单
menu-inquiry = 💬 咨询建议

welcome =
    您好，{ $name }！这里是<b>{ $office }</b>的线上服务台。
    报修、投诉、紧急求助都可以在这里提交，进度随时通知您。
    请点击下方菜单开始，或发送 /help 查看说明。
help-private =
    <b>我能为您做什么</b>
    🔧 /repair 报修：家中或公共区域的维修，可附照片视频，选择上门时间
    📢 /complain 投诉
    🚨 /emergency 紧急求助
    📋 /my 我的工单
    💬 /ask 咨询建议
    👤 /profile 查看或修改您的姓名、电话、房号
    🌐 /lang 切换语言（中文 / English）
    ✖️ /cancel 退出当前填写
    提交后您会收到工单编号，每一步处理进度都会通知您。
help-group =
    <b>员工群使用说明</b>
    新工单会以卡片形式发到本群：点「接单」领取，到场后点「已到场」，完成后点「完成」并私聊机器人填写结果。
    接单后住户的姓名、电话、房号会私聊发给接单人。
    /task 给其他部门派内部工作任务（如巡逻发现灯坏了、需要保洁），在私聊中填写。
    /chatid 显示本群（或话题）的 ID，用于配置。
chatid = 本聊天的 ID：<code>{ $id }</code>
chatid-topic = 本聊天的 ID：<code>{ $id }</code>，话题 ID：<code>{ $thread }</code>
cancel-nothing = 当前没有正在填写的内容。请从下方菜单选择。
fallback = 请从下方菜单选择您要办理的事项，或发送 /help 查看说明。
error-generic = 抱歉，刚才出了点问题，您的内容没有丢失。请稍后再试，或发送 /cancel 重新开始。
error-generic-short = 抱歉，出了点问题，请稍后再试。

## 填写过程中的通用提示
scene-cancelled = 已取消，本次填写的内容未提交。
scene-busy = 您还有一项正在填写的内容，请先完成，或发送 /cancel 取消。
scene-old-button = 这个按钮已失效，请使用最新消息里的按钮。
scene-command = 正在填写中，暂时不能使用其他命令。请回答下面的问题，或发送 /cancel 取消。
scene-menu = 正在填写中。请回答下面的问题，或发送 /cancel 取消后再选菜单。
scene-too-long = 内容太长了（{ $length ->
       *[other] { $length } 字
    }），请精简到 { $max ->
       *[other] { $max } 字
    }以内。
scene-too-short = 内容太短了，请至少写 { $min ->
       *[other] { $min } 个字
    }。
scene-sticker = 收到了表情贴纸 🙂 不过这里需要文字回答。
scene-want-text = 这里需要文字回答。
scene-unexpected = 没能看懂这条回复。
scene-use-buttons = 请点击下面的按钮选择。

btn-back = ⬅️ 返回
btn-cancel = ✖️ 取消
btn-change = ✏️ 修改
btn-confirm = ✅ 确认提交
btn-done = ✅ 完成
btn-edit = ✏️ 修改某项
btn-keep = 👍 不用改
btn-save = ✅ 保存
btn-skip = ⏭ 跳过
btn-agree-fee = ✅ 我同意收费
btn-other-category = ↩️ 选其他类别
btn-share-phone = 📱 发送我的手机号
btn-keep-phone = 继续使用 { $phone }
btn-my-home = 🏠 我家：{ $address }

## 登记
reg-intro = 第一次使用，需要先登记您的联系方式和房号（只需一次，之后自动填入每张工单）。
reg-ask-name = 请问怎么称呼您？（姓名）
reg-name-too-long = 姓名最多 { $max ->
       *[other] { $max } 个字
    }。
reg-ask-phone = 请点下方「📱 发送我的手机号」，或直接输入手机号 / 座机号（如 138 1234 5678、0755-12345678）。
reg-phone-want = 请发送手机号（点按钮或直接输入）。
reg-phone-invalid = 这个号码格式不对。手机号为 11 位（如 13812345678），座机请带区号（如 0755-12345678）。
reg-phone-not-own = 请发送您本人的号码（点「📱 发送我的手机号」）。
reg-ask-address = 请输入您的楼栋、单元和房号，例如：<b>3栋2单元1201</b>（没有单元可写 3栋1201）。
reg-address-invalid = 没能识别房号。请按「楼栋 + 单元 + 房号」的格式输入，例如 3栋2单元1201 或 3-2-1201。
reg-summary =
    请核对您的信息：
    姓名：{ $name }
    电话：{ $phone }
    房号：{ $address }
profile-show =
    <b>您的登记信息</b>
    姓名：{ $name }
    电话：{ $phone }
    房号：{ $address }
profile-kept = 好的，信息保持不变。
profile-saved = ✅ 已保存，今后的工单会自动使用这些信息。

## 报修
repair-ask-kind = 🔧 <b>报修</b>：请选择报修类型：
repair-ask-category = 「{ $kind }」—— 请选择具体类别（💰 为有偿服务）：
category-paid = { $name } 💰
repair-fee =
    「{ $category }」是<b>有偿服务</b>，收费标准：<b>{ $price }</b>。
    同意后我们再派人上门。
price = ¥{ $amount }/{ $unit } { $note }
repair-ask-location-home = 📍 问题在哪里？点「我家」，或输入具体位置（如 卫生间、阳台）。
repair-ask-location = 📍 问题在哪里？请输入具体位置，例如：3栋大堂、地下车库B区、5栋2单元电梯。
repair-ask-description = 📝 请描述一下问题（什么坏了、什么情况、从什么时候开始）：
repair-ask-media = 📷 可以发送照片或视频帮助师傅判断（最多 { $max } 个），发完点「完成」；没有就点「跳过」。
repair-ask-visit = 🕒 希望师傅什么时候上门？
repair-kind-changed = 报修类型已更改，位置（以及上门时间）需要重新填写。
repair-ask-field = 要修改哪一项？
visit-asap = ⚡ 尽快
media-received = 📎 已收到 { $count ->
       *[other] { $count } 个附件
    }（最多 { $max } 个）。还可以继续发送，或点「完成」。
media-limit = 已达到 { $max ->
       *[other] { $max } 个附件
    }上限，请点「完成」。
media-want-media = 这里需要发送照片或视频；发完请点下面的按钮。
media-document = 请以「照片」或「视频」方式发送，而不是文件。
field-category = 类别
field-location = 位置
field-description = 问题描述
field-media = 照片视频
field-visit = 上门时间
summary-title = <b>请确认您的报修：</b>
summary-category = 类型：{ $kind } · { $category }
summary-fee = 收费：{ $price }（您已同意）
summary-location = 位置：{ $location }
summary-description = 描述：{ $description }
summary-media = 附件：{ $count ->
       *[other] { $count } 个
    }
summary-visit = 上门时间：{ $visit }
summary-contact = 联系人：{ $name } { $phone }

## 通知住户
resident-accepted-repair =
    ✅ 报修已受理，工单号 <b>{ $ref }</b>
    已派给<b>{ $department }</b>，{ $response }内响应，预计 { $resolution } 前处理完毕。
    处理进度会随时通知您；查询请发送 /my。
resident-claimed = 👷 工单 { $ref } 已由 { $name } 师傅接单，预计 { $onsite } 前到场。
resident-arrived = 🚪 { $name } 师傅已到场处理工单 { $ref }。
resident-resolved =
    🛠 工单 { $ref } 已处理完成（{ $name }）。
    处理结果：{ $result }
resident-fee = 费用：¥{ $amount }
resident-ask-confirm = 问题解决了吗？请点下面的按钮告诉我们。{ $days }内未答复将视为已解决。
resident-closed = 🙏 感谢确认，工单 { $ref } 已关闭。
resident-reopened = 🔁 工单 { $ref } 已重新打开，我们会尽快再次处理。
dispute-ask-reason = 可以简单说说还有什么问题吗？（可跳过）
dispute-no-reason = 好的，我们已通知处理人员。
dispute-reason-sent = ✅ 已转达给处理人员。
btn-solved = ✅ 已解决
btn-not-solved = ❌ 没解决

## 员工群卡片
card-title = 🔧 <b>{ $kind } { $ref }</b>
card-category = 类别：{ $category }（{ $department }）
card-priority = 优先级：{ $priority }
priority-normal = 普通
priority-urgent = 紧急
card-fee-agreed = 💰 有偿服务：{ $price }（住户已同意）
card-location-home = 📍 住户家中：{ $place }
card-location = 📍 位置：{ $location }（住户：{ $place }）
card-description = 📝 { $description }
card-media = 📎 附件 { $count ->
       *[other] { $count } 个
    }（见上方）
card-visit = 🕒 期望上门：{ $visit }
card-due = ⏱ 响应时限：{ $response } · 完成时限：{ $resolution }
card-contact = 👤 { $name } · { $phone } · { $address }
card-result = 🛠 处理结果：{ $result }
card-fee-charged = 💰 实收：¥{ $amount }
card-status-open = 🟡 <b>待接单</b>
card-status-claimed = 🔵 <b>已接单</b>：{ $owner }（{ $at }），需在 { $onsite } 前到场
card-status-on_site = 🟣 <b>处理中</b>：{ $owner } 已到场（{ $at }）
card-status-resolved = 🟢 <b>已完成</b>：{ $owner }（{ $at }），等待住户确认
card-status-reopened = 🔴 <b>住户反馈未解决</b>，第 { $count } 次返工：{ $owner }
card-status-closed = ✅ <b>已关闭</b>（{ $at }）
card-status-cancelled = ⚪ <b>已取消</b>（{ $at }）
card-note-reopened = ⚠️ 住户反馈工单 { $ref } <b>未解决</b>，已重新打开（第 { $count } 次），请 { $owner } 跟进。
card-note-resident-reason = 💬 住户补充（{ $ref }）：{ $reason }
btn-claim = 🙋 接单
btn-arrived = 🚪 已到场
btn-resolve = ✅ 完成
btn-write-result = ✍️ 填写处理结果
contact-for-claimant =
    📇 <b>{ $ref }</b> 住户联系方式（请勿外传）：
    姓名：{ $name }
    电话：{ $phone }
    房号：{ $address }
    位置：{ $location }
claim-ok = 接单成功：{ $ref }。住户联系方式已私聊发给您。
claim-ok-on-card = 接单成功：{ $ref }。住户联系方式已显示在卡片上。
arrived-ok = 已记录到场：{ $ref }
resolve-dm = 请填写工单 <b>{ $ref }</b> 的处理结果：
resolve-see-dm = 请到与机器人的私聊中填写 { $ref } 的处理结果。
resolve-ask-result = ✍️ 工单 <b>{ $ref }</b>：做了哪些处理？结果如何？
resolve-ask-media = 📷 可发送完工照片或视频（最多 { $max } 个），发完点「完成」；没有就点「跳过」。
resolve-ask-fee = 💰 实际收费多少元？（约定价格 ¥{ $agreed }）
btn-fee-as-agreed = 按约定 ¥{ $amount }
resolve-fee-invalid = 请输入金额数字，例如 80 或 80.5。
resolve-confirm =
    请确认完工信息：
    工单：{ $ref }
    结果：{ $result }
    照片：{ $count } 个
resolve-done = ✅ 工单 { $ref } 已标记完成，已通知住户确认（{ $wait }内未答复自动确认）。

## 状态与拒绝
status-open = 待接单
status-claimed = 已接单
status-on_site = 处理中
status-resolved = 已完成待确认
status-reopened = 返工中
status-closed = 已关闭
status-cancelled = 已取消
refuse-not-found = 找不到工单 { $ref }。
refuse-not-staff = 抱歉，只有物业员工可以进行此操作。
refuse-wrong-department = 抱歉，工单 { $ref } 不属于您所在的部门。
refuse-already-claimed = 工单 { $ref } 已由 { $owner } 接单。
refuse-not-owner = 抱歉，只有接单人（{ $owner }）、部门主管或管理处主任可以操作工单 { $ref }。
refuse-not-your-ticket = 抱歉，这不是您的工单。
refuse-wrong-state = 工单 { $ref } 当前状态为「{ $status }」，无法进行此操作。

## 命令菜单
cmd-repair = 报修
cmd-complain = 投诉
cmd-emergency = 紧急求助
cmd-my = 我的工单
cmd-ask = 咨询建议
cmd-profile = 我的登记信息
cmd-lang = 切换语言 / Language
cmd-help = 使用说明
cmd-cancel = 退出当前填写
cmd-chatid = 显示本群 ID（用于配置）

## 机器人被拉进群
added-to-group =
    👋 大家好！本群 ID 是 <code>{ $id }</code>。
    要让本群接收工单，请把它填入 .env 的 STAFF_CHAT_ID，或办公规则文件里部门的 chat.chatId，然后重启机器人。
    另外请把我设为管理员（或在 @BotFather 关闭隐私模式），这样我才能认出员工。
added-to-staff-group = 👋 大家好！本群（ID <code>{ $id }</code>）已配置为员工群，新工单会发到这里。

## Answers to complaints; anonymous contacts
resolve-confirm-fee = 收费：¥{ $fee }
resolve-ask-answer-complaint = ✍️ 投诉 <b>{ $ref }</b>：请写下给住户的答复（核实情况、处理结果、整改措施）：
resolve-ask-media-complaint = 📷 如有整改照片可以发送（最多 { $max } 个），发完点「完成」；没有就点「跳过」。
resolve-done-complaint = ✅ 投诉 { $ref } 的答复已发给住户，等待住户确认（{ $wait }内未答复自动确认）。
card-status-claimed-answer = 🔵 <b>处理中</b>：{ $owner }（{ $at }）
contact-anonymous = 🕶 { $ref } 是匿名投诉，不提供住户联系方式。

## 员工在私聊中点「开始」
start-staff =
    👷 { $name }，您好！您是{ $office }的工作人员。
    { $count ->
        [0] 目前没有由您负责的未完成工单。
       *[other] 您负责的未完成工单 { $count } 张：{ $refs }
    }
    /mine 查看您负责的工单和时限，/open 查看本部门的未完成工单，/task 给其他部门派内部工作任务。
    新工单以卡片发到员工群，在卡片上点「🙋 接单」；接单后住户的联系方式会在这里私下发给您。
start-staff-more = 等，另有 { $count ->
       *[other] { $count } 张
    }

## 群里的住户：请到私聊中办理
group-use-private = 🔒 报修、投诉、咨询和查询工单请在与我的<b>私聊</b>中办理，您的电话和房号不会出现在群里。请点下面的按钮打开私聊。
group-emergency-call = 🚨 <b>情况紧急请先打电话！</b>
help-group-resident =
    <b>{ $office } 线上服务台</b>
    报修、投诉、紧急求助、咨询建议和查询工单，都在与我的私聊中办理（您的联系方式不会出现在群里）。
    请点下面的按钮打开私聊，再点「开始」。
btn-open-private = 💬 打开私聊
