## Emergencies, resident side: one tap for what, one answer for where, only a phone if not registered

emergency-ask-what = 🚨 <b>Emergency</b>: what is happening? Tap one:
btn-emergency-fire = 🔥 Fire
btn-emergency-flood = 💧 Flooding / burst pipe
btn-emergency-gas = 💨 Smell of gas
btn-emergency-lift = 🛗 Trapped in a lift
btn-emergency-medical = 🚑 Medical / injury
btn-emergency-crime = 🚓 Crime / safety
btn-emergency-other = ⚠️ Other emergency
emergency-ask-where-home = 📍 Where? Tap "My flat" if it is at home; otherwise type the place (e.g. lift of Bldg 5, car park B) or send your location.
emergency-ask-where = 📍 Where? Type the place (e.g. 5-2-1201, car park B) or send your location; tap "Skip" if you can't say.
btn-emergency-where-unknown = ⏭ Skip (can't say where)
emergency-want-where = Please type the place or send your location, or tap the button below.
emergency-location-unknown = Place not given
emergency-location-gps = Location { $lat }, { $lon }
emergency-ask-phone = 📞 Please leave a phone number so the staff on duty can call you right away: tap "📱 Share my phone number" below or type it. If you'd rather not, tap "No phone number"; the office is alerted either way.
btn-emergency-no-phone = No phone number, just send help
emergency-phone-want = Please send a phone number (tap the button or type it), or tap "No phone number".
emergency-phone-invalid = That number could not be read; please type it again (e.g. 13812345678, 0755-12345678) or tap "No phone number".

## Told at once, right after reporting
emergency-alert-failed = ⚠️ Sorry, the system could not alert the office just now; <b>please phone for help directly</b>.
emergency-now = <b>What to do now:</b>
emergency-advice-fire = 🔥 <b>Call 119 now!</b> Cover your nose and mouth with a wet cloth, keep low and leave by the stairs; <b>do not use the lift</b>.
emergency-advice-flood = 💧 If it is safe, turn off the main water valve; if water is near sockets or appliances switch off the power first, and keep away from the water.
emergency-advice-gas = 💨 <b>Do not touch light switches or appliances, no flames</b>; open the windows, close the gas valve, and <b>call 119 once you are outside</b>.
emergency-advice-lift = 🛗 Stay calm and press the alarm or intercom button in the lift; <b>do not force the doors</b>. If anyone is hurt or unwell, call 120.
emergency-advice-medical = 🚑 <b>Call 120 now!</b> Keep the person lying down and warm, do not move them needlessly; give the building and flat, and send someone downstairs to meet the ambulance.
emergency-advice-crime = 🚓 <b>Call 110 now!</b> Get yourself safe first and keep away from danger; do not confront anyone; remember what they looked like and where they went.
emergency-advice-other = ⚠️ Get yourself safe first. Fire: call 119; injury or illness: call 120; crime: call 110.
emergency-numbers = ☎️ Fire <b>119</b> · Ambulance <b>120</b> · Police <b>110</b>
emergency-duty-phone = 📞 Office duty phone: <b>{ $phone }</b>

## Again: an open emergency of theirs from a few minutes ago is asked about first; people without a profile are limited per hour
emergency-repeat-ask = 🚨 You reported emergency <b>{ $ref }</b> at { $time } and the office is on it. Is this a <b>new emergency</b>?
btn-emergency-repeat-new = 🚨 Yes, a new emergency
btn-emergency-repeat-same = It's the same one: show its status
emergency-repeat-same = All right, nobody was alerted twice. The staff on duty have { $ref }; this is where it stands:
emergency-limited = ⚠️ You have reported { $perHour } emergencies through this bot within an hour and the staff on duty are on them, so this one <b>does not alert them again</b>. If things change, phone directly:
