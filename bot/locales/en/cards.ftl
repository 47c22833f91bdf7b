## Staff cards: complaints, emergencies, inquiries, and lines shared by every kind

card-complaint-title = 📢 <b>Complaint { $ref }</b> ({ $department })
card-complaint-subject = About: { $subject }
card-complaint-staff-department = Staff member's department: { $department }
card-complaint-anonymous = 🕶 <b>Anonymous</b> ({ $place }) — no follow-up; do not try to identify the resident
card-complaint-resident = 👤 Resident: { $place }
card-complaint-when = 🕒 When and where: { $when } · { $where }
card-complaint-wants = 🎯 The resident wants: { $wants }
card-complaint-class = 🏷 Class: { $class } ({ $by })
card-complaint-first-answer = ⏱ First answer due: { $due }
complaint-subject-service = service quality
complaint-subject-staff = a staff member's attitude
complaint-subject-fees = fees
complaint-subject-environment = environment
complaint-subject-neighbours = neighbours
complaint-subject-developer = the developer's defects
complaint-subject-other = other
complaint-class-valid = valid
complaint-class-help = help-seeking
complaint-class-inquiry = inquiry
complaint-class-venting = venting
complaint-class-invalid = invalid
complaint-class-major = major

card-emergency-title = 🚨🚨 <b>EMERGENCY { $ref }: { $what }</b> 🚨🚨
card-emergency-where = 📍 Where: { $location }
card-emergency-contact = 📞 { $name } · <b>{ $phone }</b> · { $address }
emergency-fire = fire
emergency-flood = flooding / burst pipe
emergency-gas = gas smell
emergency-lift = someone trapped in a lift
emergency-medical = medical emergency
emergency-crime = crime / safety
emergency-other = other emergency

card-inquiry-title = 💬 <b>Inquiry { $ref }</b> ({ $department })
card-inquiry-resident = 👤 Resident: { $place }
card-answer = 💬 Answer: { $result }

card-transferred-from = ↪️ Transferred from { $department }
card-night = 🌙 Received after hours; the front desk opens { $opens }
card-waiting-parts = ⏳ Waiting for parts: { $reason }, expected { $until }
card-rescheduled = ⏳ Rescheduled: { $reason }, new time { $until }

btn-note = 📝 Note
btn-transfer = ↪️ Transfer
btn-reassign = 👤 Reassign
btn-reschedule = ⏳ Reschedule
btn-release = ↩️ Release
btn-classify = 🏷 Classify
btn-reply-complaint = ✅ Answer & close
btn-answer = 💬 Reply

refuse-not-head = Sorry, only the department head or the manager can reassign { $ref }.
refuse-not-applicable = This action does not apply to ticket { $ref }.
refuse-too-soon = You have already urged this ticket; you can again after { $next }.
card-status-inquiry-reopened = 🔴 <b>The resident asks again</b>; { $owner }, please reply
card-note-inquiry-more = 💬 The resident has a follow-up question on { $ref }; { $owner }, please reply again.
card-emergency-no-address = flat not registered
card-emergency-no-phone = no phone given
claim-ok-anonymous = Claimed { $ref }. Anonymous complaint: no resident contact is given.
