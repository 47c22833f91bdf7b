## Internal tasks (内部工作任务): staff file work for a department; the filer is a colleague.
cmd-task = Internal task (staff)
list-kind-task = Internal task
my-kind-task = Internal task
handover-kind-task = Internal task
task-category-other = Other

task-refuse-resident = Sorry, /task is for the office's staff to pass internal work to each other; residents cannot use it. To report a repair send /repair; for a question send /ask.
task-dm = 📋 <b>Internal task</b>: press the button below to start.
btn-task-start = 📋 Start
task-see-private = 📋 Please continue the internal task in your private chat with me.
task-open-private = 📋 Internal tasks are filled in privately: press the button below to open my chat and press Start.

task-ask-department = 📋 <b>Internal task</b>: for which department?
task-ask-category = For { $department }: what kind of work?
task-ask-place = 📍 Where? For a public area start with the building/unit (e.g. "Bldg 3, Unit 2 stairwell"); anywhere else, describe the place (e.g. "car park B entrance").
task-ask-description = 📝 What needs doing?
task-ask-media = 📷 You can send photos or videos of it (up to { $max }), then press Done; or press Skip.
task-field-department = Department
task-summary =
    <b>Please check the internal task:</b>
    Department: { $department }
    Category: { $category }
    Place: { $location }
    Work: { $description }
    Attachments: { $count ->
        [0] none
        [one] 1
       *[other] { $count }
    }
resident-accepted-task =
    ✅ Internal task <b>{ $ref }</b> went to <b>{ $department }</b>: a response within { $response }, to be done by { $resolution }.
    You will hear of its progress here.

claim-ok-task = Claimed: { $ref }. The card names who filed it.
card-task-title = 🛠 <b>Internal task { $ref }</b> → { $department }
card-task-from = 👤 Filed by: { $name }
card-task-from-department = 👤 Filed by: { $name } ({ $department })
card-task-category = Category: { $category }
card-task-place = 📍 Place: { $location }

task-claimed = 👷 { $name } has taken on your task { $ref } for { $department }.
task-arrived = 🚪 { $name } is on site for task { $ref }.
task-resolved =
    ✅ Task { $ref } was done by { $name }:
    { $result }
task-ask-confirm = Please confirm it is sorted; without an answer within { $days } it counts as done.
btn-task-done = ✅ Sorted
btn-task-not-done = ❌ Not yet
task-closed = 👍 Task { $ref } is closed, thank you.
task-reopened = 🔁 Task { $ref } went back to { $department } to be done again.
task-transferred = ↪️ Task { $ref } was passed to { $department }.
task-released = ↩️ Task { $ref } is back in { $department }'s queue, waiting for a colleague.
task-reassigned = 👤 Task { $ref } is now with { $name }.
task-rescheduled = ⏳ Task { $ref } moved to { $until }: { $reason }
task-waiting-parts = ⏳ Task { $ref } is waiting for parts, expected { $until }: { $reason }
task-note = 📝 { $name } on task { $ref }: { $note }
task-cancelled = ✖️ Task { $ref } was withdrawn.
figures-internal-tasks = 🛠 Internal tasks (not counted as residents' reports): { $received } received, { $resolved } done, { $onTime } on time, { $overdue } overdue
task-auto-confirmed = ✅ Task { $ref } was done and, with no answer from you within { $wait }, it has been closed. If something is still wrong, send /task again.
figures-csv-tasks-received = Internal tasks: received
figures-csv-tasks-resolved = Internal tasks: done
figures-csv-tasks-overdue = Internal tasks: overdue
figures-csv-tasks-on-time = Internal tasks: done on time
