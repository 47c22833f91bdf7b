## 同一人短时间内发送过多消息（bot/middleware/flood.ts）。

flood-slow-down = ⏳ 您发送得太快了，接下来 { $seconds } 秒内的消息我将不予处理。请稍后再发送一次，一条就够了。
flood-slow-down-short = ⏳ 操作太频繁，请等待 { $seconds } 秒。
