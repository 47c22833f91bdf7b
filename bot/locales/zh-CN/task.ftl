## Internal tasks (内部工作任务): staff file work for a department; the filer is a colleague.
cmd-task = 内部工作任务（员工）
list-kind-task = 内部任务
my-kind-task = 内部任务
handover-kind-task = 内部任务
task-category-other = 其他

task-refuse-resident = 抱歉，/task 用于管理处员工之间派发内部工作任务，住户无法使用。如需报修，请发送 /repair；有问题可发送 /ask。
task-dm = 📋 <b>内部工作任务</b>：点下面的按钮开始填写。
btn-task-start = 📋 开始填写
task-see-private = 📋 请到与我的私聊中继续填写内部工作任务。
task-open-private = 📋 内部工作任务需在私聊中填写：请点下面的按钮打开与我的私聊并点“开始”。

task-ask-department = 📋 <b>内部工作任务</b>：派给哪个部门？
task-ask-category = 派给{ $department }：是哪一类工作？
task-ask-place = 📍 在哪里？公共部位请以楼栋/单元开头（如“3栋2单元楼道”），其他位置直接描述（如“地下车库B区入口”）。
task-ask-description = 📝 请描述需要做什么：
task-ask-media = 📷 可以发送现场照片或视频（最多 { $max } 个），发完点「完成」；没有就点「跳过」。
task-field-department = 部门
task-summary =
    <b>请确认内部工作任务：</b>
    部门：{ $department }
    类别：{ $category }
    位置：{ $location }
    内容：{ $description }
    附件：{ $count ->
        [0] 无
       *[other] { $count } 个
    }
resident-accepted-task =
    ✅ 内部工作任务 <b>{ $ref }</b> 已派给 <b>{ $department }</b>：{ $response }内响应，要求 { $resolution } 前完成。
    进展会在这里告诉您。

claim-ok-task = 接单成功：{ $ref }。发起人已在卡片上注明。
card-task-title = 🛠 <b>内部工作任务 { $ref }</b> → { $department }
card-task-from = 👤 发起人：{ $name }
card-task-from-department = 👤 发起人：{ $name }（{ $department }）
card-task-category = 类别：{ $category }
card-task-place = 📍 位置：{ $location }

task-claimed = 👷 您派给{ $department }的任务 { $ref } 已由 { $name } 接手。
task-arrived = 🚪 { $name } 已到现场处理任务 { $ref }。
task-resolved =
    ✅ 任务 { $ref } 已由 { $name } 处理完毕：
    { $result }
task-ask-confirm = 请确认是否处理到位；{ $days }内未答复将视为已完成。
btn-task-done = ✅ 已处理好
btn-task-not-done = ❌ 还没好
task-closed = 👍 任务 { $ref } 已关闭，谢谢。
task-reopened = 🔁 任务 { $ref } 已退回{ $department }重新处理。
task-transferred = ↪️ 任务 { $ref } 已转给{ $department }。
task-released = ↩️ 任务 { $ref } 已退回{ $department }待接单，等同事接手。
task-reassigned = 👤 任务 { $ref } 改由 { $name } 处理。
task-rescheduled = ⏳ 任务 { $ref } 改期至 { $until }：{ $reason }
task-waiting-parts = ⏳ 任务 { $ref } 等待配件，预计 { $until }：{ $reason }
task-note = 📝 { $name } 关于任务 { $ref }：{ $note }
task-cancelled = ✖️ 任务 { $ref } 已撤销。
figures-internal-tasks = 🛠 内部工作任务（不计入住户报事）：收到 { $received } 件，完成 { $resolved } 件，按时完成率 { $onTime }，超时 { $overdue } 件
task-auto-confirmed = ✅ 任务 { $ref } 已处理完毕，{ $wait }内未收到您的确认，已自动关闭。如仍有问题，请再发 /task 派单。
figures-csv-tasks-received = 内部工作任务：收到
figures-csv-tasks-resolved = 内部工作任务：完成
figures-csv-tasks-overdue = 内部工作任务：超时
figures-csv-tasks-on-time = 内部工作任务：按时完成率
