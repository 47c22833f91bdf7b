## Too many messages from one person in a short time (bot/middleware/flood.ts).

flood-slow-down = ⏳ You are sending messages very quickly, so I will ignore the next ones for { $seconds } seconds. Then please send your message again — one at a time is enough.
flood-slow-down-short = ⏳ Too many taps; please wait { $seconds } seconds.
