# 网页看板（/dashboard）

## 机器人里的 /dashboard
dashboard-link = 🖥 <b>工单看板</b>
    <a href="{ $url }">点击这里登录看板</a>（{ $minutes } 分钟内有效，只能用一次）。请勿转发给他人。
dashboard-private-only = 请私聊我发送 /dashboard 获取看板登录链接。
dashboard-not-configured = 看板尚未开启（管理员需设置 DASHBOARD_PORT 和 PUBLIC_URL）。

## 页面
dash-title = 工单看板
dash-nav-overview = 概览
dash-nav-tickets = 工单
dash-nav-figures = 月度统计
dash-signed-in = { $name } · { $role }
dash-role-manager = 主任
dash-role-head = 主管
dash-role-staff = 员工
dash-other-language = English
dash-sign-out = 退出

## 拒绝与错误
dash-refused-title = 无法打开
dash-link-invalid = 这个登录链接无效。请在机器人私聊中重新发送 /dashboard。
dash-link-expired = 这个登录链接已过期。请在机器人私聊中重新发送 /dashboard。
dash-link-used = 这个登录链接已经用过了，每个链接只能用一次。请重新发送 /dashboard。
dash-signin-needed = 请先登录：在机器人私聊中发送 /dashboard，然后点击收到的链接。
dash-not-staff = 您目前不是物业员工，无法查看看板。
dash-forbidden = 您无权查看这张工单。
dash-not-found = 没有找到这张工单。
dash-figures-forbidden = 月度统计仅向主任和部门主管开放。
dash-signed-out = 已退出。需要时请在机器人私聊中重新发送 /dashboard。

## 概览
dash-open-by-status = 未完成工单（按状态）
dash-open-by-department = 未完成工单（按部门）
dash-overdue-now = 当前超时
dash-new-today = 今日新增
dash-closed-today = 今日关闭
dash-latest-emergencies = 最近的紧急事件
dash-none = 无

## 列表
dash-col-ref = 单号
dash-col-kind = 类型
dash-col-status = 状态
dash-col-department = 部门
dash-col-category = 类别
dash-col-building = 楼栋
dash-col-created = 提交时间
dash-col-due = 完成时限
dash-col-owner = 负责人
dash-col-description = 描述
dash-filter-any = 全部
dash-filter-from = 起始日期
dash-filter-to = 截止日期
dash-filter-overdue = 只看超时
dash-filter-text = 搜索单号或描述
dash-filter-apply = 筛选
dash-filter-clear = 清除
dash-page = 第 { $page } 页
dash-page-prev = 上一页
dash-page-next = 下一页
dash-export-csv = 导出 CSV
dash-no-tickets = 没有符合条件的工单。
dash-overdue-mark = 超时

## 工单详情
dash-detail-report = 报告内容
dash-detail-location = 地点：{ $location }
dash-detail-place = 楼栋：{ $place }
dash-detail-contact = 住户：{ $name } · { $phone } · { $address }
dash-detail-contact-hidden = 住户联系方式按权限隐藏。
dash-detail-anonymous = 匿名投诉：住户身份不公开。
dash-detail-due = 响应时限 { $response } · 完成时限 { $resolution }
dash-detail-timeline = 处理记录（{ $count } 条）
dash-detail-photos = 照片与视频
dash-detail-video = 视频 { $n }

## 月度统计
dash-figures-month = 月份
dash-figures-show = 查看
dash-figures-department = 部门
dash-figures-office = 全处
dash-figures-trend = 近 12 个月趋势
dash-figures-target = { $label } 目标
dash-figures-by-department = 各部门受理量
dash-figures-by-category = 各类别受理量
dash-figures-hot-buildings = 热点楼栋
dash-figures-headlines = 本月主要指标
dash-figures-received = 受理总数
dash-figures-export = 导出统计 CSV
dash-figures-count = 数量

dash-notice-title = 公告
dash-notice-help = 发给报事住户和所有关注此工单的住户（以及已配置的住户群），经消息队列按频率限制发送，并记入处理记录。
dash-notice-send = 发送公告
dash-notice-sent = 公告已发出。
dash-notice-refused = 此工单当前不能发送公告。
dash-notice-invalid = 请填写公告内容（不超过字数限制）。
