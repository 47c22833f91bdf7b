## 投诉：住户填写（住户的语言）

complaint-ask-subject = 📢 您要投诉的是哪方面？
complaint-pick-service = 🛎 服务质量
complaint-pick-staff = 👤 员工态度
complaint-pick-fees = 💰 收费问题
complaint-pick-environment = 🌳 环境卫生
complaint-pick-neighbours = 🏘 邻里纠纷
complaint-pick-developer = 🏗 开发商遗留问题
complaint-pick-other = 📌 其他
complaint-ask-staff-department = 👤 这位员工是哪个部门的？不确定也没关系。
complaint-staff-unsure = 🤷 不确定
complaint-ask-when = 🕒 事情是什么时候发生的？可以点按钮，也可以直接写（例如「昨晚 8 点左右」）。
complaint-btn-today = 📅 今天
complaint-btn-yesterday = 📅 昨天
complaint-btn-week = 📅 本周早些时候
complaint-when-today = 今天（{ $date }）
complaint-when-yesterday = 昨天（{ $date }）
complaint-when-week = 本周早些时候（{ $date } 那一周）
complaint-ask-where = 📍 在哪里发生的？（例如「3栋电梯厅」「服务中心前台」）
complaint-btn-where-none = ➖ 不涉及具体地点
complaint-where-none = 不涉及具体地点
complaint-ask-what = 📝 请说说发生了什么：
complaint-ask-wants = 🎯 您希望物业怎么处理？（您的诉求，例如「道歉」「退还多收的费用」「加强管理」）
complaint-ask-media = 📷 如有照片或视频作为证据，可以发过来（最多 { $max } 个），发完点「完成」；没有就点「跳过」。
complaint-ask-anonymous =
    🕶 要匿名投诉吗？
    匿名时，物业员工看不到您的姓名、电话、房号和 Telegram 账号，只看到楼栋；匿名投诉不做回访，但处理结果照样记录，您仍可在 /my 中查看进度。
complaint-btn-named = 👤 不匿名
complaint-btn-anonymous = 🕶 匿名
complaint-ask-show-unit = 是否让员工看到您的单元号？（楼栋总会显示，房号不会显示）
complaint-btn-show-unit = 显示 { $place }
complaint-btn-hide-unit = 只显示 { $building }
complaint-summary-title = <b>请确认您的投诉：</b>
complaint-summary-subject = 投诉对象：{ $subject }
complaint-summary-staff-department = 员工所在部门：{ $department }
complaint-summary-when = 时间：{ $when }
complaint-summary-where = 地点：{ $where }
complaint-summary-what = 经过：{ $what }
complaint-summary-wants = 诉求：{ $wants }
complaint-summary-media = 证据：{ $count ->
       *[other] { $count } 个
    }
complaint-summary-anonymous = 🕶 匿名：是（员工只看到：{ $place }）
complaint-summary-named = 👤 匿名：否（联系人：{ $name } { $phone }）
complaint-ask-field = 要修改哪一项？
complaint-field-subject = 投诉对象
complaint-field-when = 时间
complaint-field-where = 地点
complaint-field-what = 经过
complaint-field-wants = 诉求
complaint-field-media = 证据
complaint-field-anonymous = 是否匿名

## 投诉分类：员工（管理处的语言）

classify-pick =
    🏷 请为投诉 <b>{ $ref }</b> 分类：
    · 有效投诉：物业失职或造成损失，{ $valid }内办结，通知部门主管
    · 求助型 / 咨询型 / 发泄型：沟通性投诉，{ $help } / { $inquiry } / { $venting }内办结
    · 无效投诉：不属于物业服务范围，需写明说明发给住户
    · 重大投诉：严重影响管理处声誉，由管理处主任负责，{ $majorFirst }内首次答复，{ $major }内办结
classify-done = 🏷 投诉 { $ref } 已分类为「{ $class }」（{ $by }），办结时限 { $due }。
classify-ok = 已分类：{ $ref } → { $class }
classify-same = 投诉 { $ref } 已经是「{ $class }」，无需重复分类。
classify-invalid-ask = ✍️ 投诉 { $ref } 判为无效投诉：请回复本消息，写明给住户的说明（为什么不属于物业服务范围、可以找谁解决）。
classify-invalid-see-dm = 请到与机器人的私聊中填写 { $ref } 的无效说明。
classify-invalid-too-short = 说明太短了，请至少写 { $min ->
       *[other] { $min } 个字
    }。
classify-invalid-too-long = 说明太长了（{ $length ->
       *[other] { $length } 字
    }），请精简到 { $max ->
       *[other] { $max } 字
    }以内。
classify-invalid-busy = 您在与机器人的私聊中还有未完成的填写，请先完成或发送 /cancel，再为 { $ref } 选择「无效投诉」。
classify-invalid-done = ✅ 投诉 { $ref } 已判为无效投诉，说明已发给住户。
classify-manager-name = 管理处主任
classify-alert-valid =
    ⚠️ <b>有效投诉 { $ref }</b>（{ $department }）
    投诉对象：{ $subject }
    住户：{ $place }
    📝 { $description }
    🎯 诉求：{ $wants }
    请在 { $due } 前办结。分类人：{ $by }
classify-alert-major =
    🚨 <b>重大投诉 { $ref }</b>（{ $department }），由您负责
    投诉对象：{ $subject }
    住户：{ $place }
    📝 { $description }
    🎯 诉求：{ $wants }
    首次答复：{ $first } 前；办结：{ $due } 前。分类人：{ $by }
