# The web dashboard (/dashboard)

## /dashboard in the bot
dashboard-link = 🖥 <b>Helpdesk dashboard</b>
    <a href="{ $url }">Tap here to sign in</a> (the link works for { $minutes } minutes, once). Do not forward it.
dashboard-private-only = Please send /dashboard to me in a private chat to get a sign-in link.
dashboard-not-configured = The dashboard is not switched on (the administrator sets DASHBOARD_PORT and PUBLIC_URL).

## Pages
dash-title = Helpdesk dashboard
dash-nav-overview = Overview
dash-nav-tickets = Tickets
dash-nav-figures = Monthly figures
dash-signed-in = { $name } · { $role }
dash-role-manager = Manager
dash-role-head = Department head
dash-role-staff = Staff
dash-other-language = 中文
dash-sign-out = Sign out

## Refusals and errors
dash-refused-title = Cannot open this
dash-link-invalid = This sign-in link is not valid. Send /dashboard to the bot privately for a new one.
dash-link-expired = This sign-in link has expired. Send /dashboard to the bot privately for a new one.
dash-link-used = This sign-in link has already been used; each link works once. Send /dashboard again.
dash-signin-needed = Please sign in first: send /dashboard to the bot privately and open the link it sends.
dash-not-staff = You are not on the office's staff at the moment, so the dashboard is closed to you.
dash-forbidden = You may not see this ticket.
dash-not-found = There is no such ticket.
dash-figures-forbidden = The monthly figures are for the manager and the department heads.
dash-signed-out = Signed out. Send /dashboard to the bot privately when you need it again.

## Overview
dash-open-by-status = Open tickets by status
dash-open-by-department = Open tickets by department
dash-overdue-now = Overdue now
dash-new-today = New today
dash-closed-today = Closed today
dash-latest-emergencies = Latest emergencies
dash-none = None

## List
dash-col-ref = Reference
dash-col-kind = Kind
dash-col-status = Status
dash-col-department = Department
dash-col-category = Category
dash-col-building = Building
dash-col-created = Received
dash-col-due = Due
dash-col-owner = Owner
dash-col-description = Description
dash-filter-any = Any
dash-filter-from = From
dash-filter-to = To
dash-filter-overdue = Overdue only
dash-filter-text = Search reference or description
dash-filter-apply = Filter
dash-filter-clear = Clear
dash-page = Page { $page }
dash-page-prev = Previous
dash-page-next = Next
dash-export-csv = Export CSV
dash-no-tickets = No tickets match.
dash-overdue-mark = overdue

## Ticket
dash-detail-report = Report
dash-detail-location = Location: { $location }
dash-detail-place = Building: { $place }
dash-detail-contact = Resident: { $name } · { $phone } · { $address }
dash-detail-contact-hidden = The resident's contact is hidden for your role.
dash-detail-anonymous = Anonymous complaint: the resident's identity is not shown.
dash-detail-due = Response due { $response } · resolution due { $resolution }
dash-detail-timeline = History ({ $count } events)
dash-detail-photos = Photos and videos
dash-detail-video = Video { $n }

## Monthly figures
dash-figures-month = Month
dash-figures-show = Show
dash-figures-department = Department
dash-figures-office = Whole office
dash-figures-trend = The last 12 months
dash-figures-target = { $label } target
dash-figures-by-department = Received by department
dash-figures-by-category = Received by category
dash-figures-hot-buildings = Hot spots by building
dash-figures-headlines = This month's headline figures
dash-figures-received = Received
dash-figures-export = Export figures CSV
dash-figures-count = Count

dash-notice-title = Public notice
dash-notice-help = Goes to the reporting resident and everyone following this ticket (and the residents' channel, if configured), through the outbox within the rate limits, and is recorded in the history.
dash-notice-send = Send notice
dash-notice-sent = The notice has been sent.
dash-notice-refused = A notice cannot be sent for this ticket now.
dash-notice-invalid = Please write the notice (within the length limit).
