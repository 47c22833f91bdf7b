## 回访与自动确认
followup-title = 📋 <b>服务回访</b> · { $ref }
followup-intro = 您好！您的「{ $what }」已于 { $closed } 办结。请花一分钟为我们的服务打分，点按下面的按钮即可，顺序不限：
followup-intro-recheck = 您好！大约一个月前我们处理了您的「{ $what }」（{ $closed } 办结）。请问问题有没有再次出现？
followup-reminder = ⏰ 温馨提醒：这份回访还没有完成，您的意见对我们很重要。
followup-line-timeliness = ⏱ 及时性：{ $value }
followup-line-attitude = 🙂 服务态度：{ $value }
followup-line-quality = 🔧 处理质量：{ $value }
followup-line-solved = ✅ 问题是否解决：{ $value }
followup-line-recheck = 🔁 问题是否复发：{ $value }
followup-line-comment = 💬 留言：{ $value }
followup-not-yet = 待评价
followup-comment-optional = （选填）
followup-yes = 已解决
followup-no = 未解决
followup-recheck-fine = 没有复发
followup-recheck-back = 又出现了
followup-thanks = 🙏 感谢您的评价！
followup-thanks-dissatisfied = 🙏 感谢您的反馈，很抱歉没能让您满意。工单已重新打开，我们会尽快返工。
followup-closed-note = 这份回访已结束。
followup-kind-repair = 报修
followup-kind-complaint = 投诉
followup-kind-emergency = 紧急求助
followup-kind-inquiry = 咨询

followup-btn-solved = 👍 已解决
followup-btn-not-solved = 👎 未解决
followup-btn-recheck-fine = 👍 没有复发
followup-btn-recheck-back = 🔁 又出现了
followup-btn-comment = ✍️ 写留言

followup-saved = 已记录，谢谢！
followup-finished = 回访已完成，感谢您的评价！
followup-already-answered = 您已经完成了这份回访，谢谢！
followup-expired = 这份回访已经结束，无法再作答。如问题仍未解决，请重新报事。
followup-not-yours = 这不是您的回访。
followup-not-found = 找不到这份回访。

followup-comment-prompt = ✍️ 请直接回复这条消息，写下您对 { $ref } 处理情况的意见或建议：
followup-comment-placeholder = 您的意见或建议
followup-comment-saved = 🙏 留言已收到，谢谢！
followup-comment-too-long = 留言太长了，请不超过 { $max ->
       *[other] { $max } 个字
    }。
followup-comment-busy = 请先完成或 /cancel 正在填写的内容，再写留言。

followup-auto-confirmed = ✅ 工单 { $ref } 已处理完毕，{ $wait }内未收到您的确认，系统已自动确认并关闭。如问题仍未解决，请重新报事。
followup-reopened-resident = 🔁 根据您的回访意见，工单 { $ref } 已重新打开，我们会尽快安排返工。

followup-reopened-staff =
    ⚠️ <b>回访不满意</b>：{ $ref } 已重新打开（第 { $count } 次）。
    住户评价：{ $scores }
    住户留言：{ $comment }
    请 { $owner } 返工，{ $heads } 跟进。
followup-reopened-head =
    ⚠️ 本部门<b>回访不满意</b>：{ $ref } 已重新打开（第 { $count } 次）。
    住户评价：{ $scores }
    住户留言：{ $comment }
    处理人：{ $owner }。请跟进。
followup-late-comment-staff = 💬 住户对 { $ref } 回访的补充留言：{ $comment }
followup-short-timeliness = 及时
followup-short-attitude = 态度
followup-short-quality = 质量
followup-short-solved = 已解决
followup-short-not-solved = 未解决
followup-no-comment = （无）
followup-no-owner = 负责人
followup-head = 部门主管

followup-repeat-alert = 🔁 <b>重复报事</b>：{ $ref }（{ $what }，{ $place }）与 { $days ->
       *[other] { $days } 天
    }前的 { $earlier } 为同一住户、同一类别、同一地点，请关注督办。
card-repeat-of = 🔁 <b>重复报事</b>：前次 { $of }
