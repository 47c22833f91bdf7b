## 发送箱：员工在工单卡片上看到住户是否还能收到机器人的消息

outbox-card-resident-unreachable = ⚠️ 住户无法接收消息（已屏蔽机器人），请电话联系。
