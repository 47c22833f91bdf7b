## 员工群卡片：投诉、紧急、咨询，以及各类工单共用的行

card-complaint-title = 📢 <b>投诉 { $ref }</b>（{ $department }）
card-complaint-subject = 投诉对象：{ $subject }
card-complaint-staff-department = 涉及员工所在部门：{ $department }
card-complaint-anonymous = 🕶 <b>匿名投诉</b>（{ $place }）—— 不回访，请勿打听投诉人身份
card-complaint-resident = 👤 住户：{ $place }
card-complaint-when = 🕒 时间地点：{ $when } · { $where }
card-complaint-wants = 🎯 住户诉求：{ $wants }
card-complaint-class = 🏷 分类：{ $class }（{ $by }）
card-complaint-first-answer = ⏱ 首次答复时限：{ $due }
complaint-subject-service = 服务质量
complaint-subject-staff = 员工态度
complaint-subject-fees = 收费问题
complaint-subject-environment = 环境卫生
complaint-subject-neighbours = 邻里纠纷
complaint-subject-developer = 开发商遗留问题
complaint-subject-other = 其他
complaint-class-valid = 有效投诉
complaint-class-help = 求助型
complaint-class-inquiry = 咨询型
complaint-class-venting = 发泄型
complaint-class-invalid = 无效投诉
complaint-class-major = 重大投诉

card-emergency-title = 🚨🚨 <b>紧急 { $ref }：{ $what }</b> 🚨🚨
card-emergency-where = 📍 地点：{ $location }
card-emergency-contact = 📞 { $name } · <b>{ $phone }</b> · { $address }
emergency-fire = 火情
emergency-flood = 水浸 / 爆管
emergency-gas = 燃气泄漏
emergency-lift = 电梯困人
emergency-medical = 急病 / 受伤
emergency-crime = 治安 / 盗窃
emergency-other = 其他紧急情况

card-inquiry-title = 💬 <b>咨询建议 { $ref }</b>（{ $department }）
card-inquiry-resident = 👤 住户：{ $place }
card-answer = 💬 答复：{ $result }

card-transferred-from = ↪️ 由{ $department }转来
card-night = 🌙 非办公时间收到，前台 { $opens } 上班
card-waiting-parts = ⏳ 等待配件：{ $reason }，预计 { $until }
card-rescheduled = ⏳ 已改期：{ $reason }，新时间 { $until }

btn-note = 📝 备注
btn-transfer = ↪️ 转部门
btn-reassign = 👤 改派
btn-reschedule = ⏳ 改期/待料
btn-release = ↩️ 退回
btn-classify = 🏷 分类
btn-reply-complaint = ✅ 答复办结
btn-answer = 💬 回复

refuse-not-head = 抱歉，只有部门主管或管理处主任可以改派工单 { $ref }。
refuse-not-applicable = 工单 { $ref } 不适用此操作。
refuse-too-soon = 已经催办过了，{ $next } 后可以再次催办。
card-status-inquiry-reopened = 🔴 <b>住户追问</b>，请 { $owner } 再次回复
card-note-inquiry-more = 💬 住户对 { $ref } 还有疑问，请 { $owner } 再次回复。
card-emergency-no-address = 住户未登记房号
card-emergency-no-phone = 未留电话
claim-ok-anonymous = 接单成功：{ $ref }。匿名投诉，不提供住户联系方式。
