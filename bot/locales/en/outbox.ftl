## Outbox: staff see on the card whether the resident can still get the bot's messages

outbox-card-resident-unreachable = ⚠️ Resident unreachable (blocked the bot): please phone them.
