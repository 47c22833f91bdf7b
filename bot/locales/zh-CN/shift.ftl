## 交接班
handover-title = 🌅 <b>交接班</b>（{ $at }）：夜间收到、仍未接单的工单 { $count ->
       *[other] { $count } 张
    }，请尽快派单：
handover-none = 🌅 <b>交接班</b>（{ $at }）：夜间没有未接单的工单。
handover-line = • { $ref } { $what } · { $place } · { $at } 收到（响应时限 { $due }）
handover-kind-complaint = 投诉
handover-kind-inquiry = 咨询建议
handover-kind-emergency = 紧急
handover-kind-repair = 报修
