## 紧急求助：住户一侧（点一下选类型，一句话说地点，未登记的住户只留电话）

emergency-ask-what = 🚨 <b>紧急求助</b>：发生了什么？请点一下：
btn-emergency-fire = 🔥 火情
btn-emergency-flood = 💧 水浸 / 爆管
btn-emergency-gas = 💨 闻到燃气味
btn-emergency-lift = 🛗 电梯困人
btn-emergency-medical = 🚑 急病 / 受伤
btn-emergency-crime = 🚓 治安 / 盗窃
btn-emergency-other = ⚠️ 其他紧急情况
emergency-ask-where-home = 📍 在哪里？在家请点「我家」；不在家请直接输入位置（如 5栋电梯、地下车库B区），也可以发送定位。
emergency-ask-where = 📍 在哪里？请输入位置（如 5栋2单元1201、地下车库B区），也可以发送定位；说不清请点「跳过」。
btn-emergency-where-unknown = ⏭ 跳过（位置说不清）
emergency-want-where = 请输入位置或发送定位，或点下面的按钮。
emergency-location-unknown = 住户未说明位置
emergency-location-gps = 定位 { $lat }, { $lon }
emergency-ask-phone = 📞 请留一个电话，值班人员马上联系您：点下方「📱 发送我的手机号」，或直接输入号码。不方便就点「不留电话」，我们照样马上通知物业。
btn-emergency-no-phone = 不留电话，直接求助
emergency-phone-want = 请发送电话号码（点按钮或直接输入），或点「不留电话」。
emergency-phone-invalid = 没能识别这个号码，请再输入一次（如 13812345678、0755-12345678），或点「不留电话」。

## 提交后立即告诉住户怎么做
emergency-alert-failed = ⚠️ 抱歉，系统暂时没能通知到物业，<b>请直接打电话求助</b>。
emergency-now = <b>现在请这样做：</b>
emergency-advice-fire = 🔥 <b>立即拨打 119！</b> 用湿毛巾捂住口鼻，弯腰走楼梯撤离，<b>不要乘电梯</b>。
emergency-advice-flood = 💧 如能安全操作，请关闭总水阀；水接近插座或电器时先拉下电闸，远离积水。
emergency-advice-gas = 💨 <b>不要开关电灯电器，不要点火</b>；开窗通风，关闭燃气总阀，<b>到室外后拨打 119</b>。
emergency-advice-lift = 🛗 请保持冷静，按电梯内的警铃或对讲求助，<b>不要强行扒门</b>。有人受伤或身体不适请拨打 120。
emergency-advice-medical = 🚑 <b>立即拨打 120！</b> 让病人平躺保暖，不要随意搬动；说清楼栋房号，并请人到楼下接应。
emergency-advice-crime = 🚓 <b>立即拨打 110！</b> 先保证自身安全，远离危险，不要与对方正面冲突；记住对方的样貌和去向。
emergency-advice-other = ⚠️ 请先确保自身安全。有火情拨 119，有人受伤或急病拨 120，遇到违法犯罪拨 110。
emergency-numbers = ☎️ 火警 <b>119</b> · 急救 <b>120</b> · 报警 <b>110</b>
emergency-duty-phone = 📞 物业值班电话：<b>{ $phone }</b>

## 再次求助：刚报过、仍未处理完的紧急求助先问一句；未登记者每小时限几次
emergency-repeat-ask = 🚨 您在 { $time } 已报过紧急求助 <b>{ $ref }</b>，物业正在处理。这次是<b>新的紧急情况</b>吗？
btn-emergency-repeat-new = 🚨 是新的紧急情况
btn-emergency-repeat-same = 就是刚才那件，看进度
emergency-repeat-same = 好的，没有重复通知。值班人员已收到 { $ref }，下面是它的进度：
emergency-limited = ⚠️ 您在一小时内已通过本机器人报过 { $perHour } 次紧急求助，值班人员正在处理，本次<b>不再重复通知</b>。情况有变请直接打电话：
