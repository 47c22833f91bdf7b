## The database cannot be reached for a moment (bot/middleware/outage.ts).

outage-unavailable = ⚠️ The service is <b>briefly unavailable</b> (our database is restarting). Your last message was <b>not received</b> and nothing was saved from it; what you filled in earlier is kept. I will tell you here as soon as I am back — then please <b>send that message again</b>.
    In an emergency do not wait: fire <b>119</b> · ambulance <b>120</b> · police <b>110</b>{ $duty }
outage-unavailable-short = ⚠️ Briefly unavailable: this tap was not received. Please tap again in a minute.
outage-duty = {" "}· office duty phone <b>{ $phone }</b>
outage-back = ✅ I am back. Please send your last message again (or tap the button again); what you filled in earlier is still there.
