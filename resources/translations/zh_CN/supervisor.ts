<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditPanel</name>
    <message>
        <source>Search: order, batch, action, reason…</source>
        <translation>搜索：订单、批次、操作、原因…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the fields of an audit entry</comment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ConsolePeoplePanel</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Signed in at</source>
        <translation>登录工位</translation>
    </message>
    <message>
        <source>last seen {time}</source>
        <translation>最后活动 {time}</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>until {time} ({n} wrong PINs)</source>
        <translation>至 {time}（PIN 错误 {n} 次）</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlocking is an administrator&apos;s: ask one.</source>
        <translation>解锁需由管理员操作：请联系管理员。</translation>
    </message>
    <message>
        <source>Signed in: {signed_in} · locked out: {locked}</source>
        <translation>已登录：{signed_in} · 已锁定：{locked}</translation>
    </message>
    <message>
        <source>Choose someone who is locked out.</source>
        <translation>请选择一位被锁定的人员。</translation>
    </message>
    <message>
        <source>{who} can sign in again</source>
        <translation>{who} 可以重新登录了</translation>
    </message>
</context>
<context>
    <name>ExceptionsModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
</context>
<context>
    <name>ExceptionsPanel</name>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Choose an exception.</source>
        <translation>请选择一条异常。</translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation>原因（将记录）</translation>
    </message>
    <message>
        <source>Substitute SKU or GTIN</source>
        <translation>替代商品编码或 GTIN</translation>
    </message>
    <message>
        <source>Customer&apos;s consent: how, when</source>
        <translation>客户同意：方式、时间</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Order {order} ({status})</source>
        <translation>订单 {order}（{status}）</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>无订单</translation>
    </message>
    <message>
        <source>Everything intake found wrong with this order:</source>
        <translation>入库检查发现此订单的全部问题：</translation>
    </message>
    <message>
        <source>The shipment&apos;s story:</source>
        <translation>运单经过：</translation>
    </message>
    <message>
        <source>Choose an exception first.</source>
        <translation>请先选择异常。</translation>
    </message>
    <message>
        <source>Give a reason: it is recorded.</source>
        <translation>请填写原因：它会被记录。</translation>
    </message>
    <message>
        <source>#{id}: “{decision}” recorded</source>
        <translation>#{id}：已记录「{decision}」</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Customer not asked: no SMS or e-mail can reach them.</source>
        <translation>未联系顾客：短信和邮件都无法送达。</translation>
    </message>
    <message>
        <source>Customer asked to complete the address by {channel}: sent {when}.</source>
        <translation>已于 {when} 通过{channel}请顾客补充地址。</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>已送达。</translation>
    </message>
    <message>
        <source>Asking the customer by {channel} failed: {error}</source>
        <translation>通过{channel}联系顾客失败：{error}</translation>
    </message>
    <message>
        <source>Customer to be asked by {channel}: queued.</source>
        <translation>将通过{channel}请顾客补充地址：排队中。</translation>
    </message>
    <message>
        <source>{sku} short by {qty} at {location} (batch {batch}, {picker})</source>
        <translation>{sku} 在 {location} 缺 {qty} 件（批次 {batch}，{picker}）</translation>
    </message>
    <message>
        <source>Count {count}, round {round}, by {counter}: {bins}</source>
        <translation>盘点单 {count}，第 {round} 轮，盘点人 {counter}：{bins}</translation>
    </message>
    <message>
        <source>• {bin} {sku} {lot}: record {expected}, counted {counted} ({variance:+d})</source>
        <translation>• {bin} {sku} {lot}：账面 {expected}，实盘 {counted}（{variance:+d}）</translation>
    </message>
    <message>
        <source>Expected {expected}, weighed {measured} (±{tolerance})</source>
        <translation>预期 {expected}，实称 {measured}（±{tolerance}）</translation>
    </message>
    <message>
        <source>Labelled for {carrier} on {day}, not handed over ({tracking})</source>
        <translation>{day} 已贴 {carrier} 面单，未交接（{tracking}）</translation>
    </message>
    <message>
        <source>Print job {job} failed: {error}</source>
        <translation>打印任务 {job} 失败：{error}</translation>
    </message>
    <message>
        <source>expected {day}</source>
        <translation>预计 {day}</translation>
    </message>
    <message>
        <source>return {rma}</source>
        <translation>退货单 {rma}</translation>
    </message>
    <message>
        <source>insurance claim filed for {amount}</source>
        <translation>已提交保险理赔 {amount}</translation>
    </message>
    <message>
        <source>Cancelled after packing: stop {numbers} at the cage</source>
        <translation>打包后取消：请在笼车处扣下 {numbers}</translation>
    </message>
    <message>
        <source>Shipped, carrier asked to intercept {numbers}</source>
        <translation>已发货，已请承运商拦截 {numbers}</translation>
    </message>
    <message>
        <source>{who} at {station}: {reason}</source>
        <translation>{who}（{station}）：{reason}</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Figures</source>
        <translation>运营数据</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Slowest stage: &lt;b&gt;{stage}&lt;/b&gt; (mean {mean} h, p90 {p90} h)</source>
        <translation>最慢环节：&lt;b&gt;{stage}&lt;/b&gt;（平均 {mean} 小时，p90 {p90} 小时）</translation>
    </message>
    <message>
        <source>Slowest in the warehouse: &lt;b&gt;{stage}&lt;/b&gt; (mean {mean} h)</source>
        <translation>仓内最慢：&lt;b&gt;{stage}&lt;/b&gt;（平均 {mean} 小时）</translation>
    </message>
    <message>
        <source>No orders moved in this period</source>
        <translation>本期间无订单流转</translation>
    </message>
    <message>
        <source>Orders received: {n} ({per_hour} an hour)</source>
        <translation>接单：{n}（每小时 {per_hour}）</translation>
    </message>
    <message>
        <source>SLA kept: {rate} ({kept} of {shipped})</source>
        <translation>按时发货：{rate}（{shipped} 单中 {kept} 单）</translation>
    </message>
    <message numerus="yes">
        <source>Short picks: %n event(s); short-pick exceptions raised in the period: {x}</source>
        <translation>
            <numerusform>缺货拣货：%n 次；本期新开缺货异常：{x}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Satisfaction: {score} of 5 (%n answer(s))</source>
        <translation>
            <numerusform>满意度：{score} / 5（%n 条评价）</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean hours</source>
        <translation>平均小时</translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation>最慢</translation>
    </message>
    <message>
        <source>Time per stage — slowest: {stage}</source>
        <translation>各环节耗时 — 最慢：{stage}</translation>
    </message>
    <message>
        <source>Time per stage</source>
        <translation>各环节耗时</translation>
    </message>
    <message>
        <source>Orders per hour</source>
        <translation>每小时接单</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Units per hour</source>
        <translation>每小时件数</translation>
    </message>
    <message>
        <source>Errors, %</source>
        <translation>差错率 %</translation>
    </message>
    <message>
        <source>Pick rate and errors per picker</source>
        <translation>拣货效率与差错</translation>
    </message>
    <message>
        <source>Returns by reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>{reason}: {n}</source>
        <translation>{reason}：{n}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Satisfaction by category — {score} of 5</source>
        <translation>满意度 — {score} / 5</translation>
    </message>
    <message>
        <source>Satisfaction by category</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>导出数据</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Exped.</source>
        <comment>short for the priority class Expedited</comment>
        <translation>优先</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>last seen {time}</source>
        <translation>最近在线 {time}</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Reassign batch</source>
        <translation>转派批次</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Pickers and their batches</source>
        <translation>拣货员与批次</translation>
    </message>
    <message>
        <source>Choose a picker with a batch.</source>
        <translation>请选择有批次的拣货员。</translation>
    </message>
    <message>
        <source>Give a reason: it is recorded.</source>
        <translation>请填写原因：它会被记录。</translation>
    </message>
    <message>
        <source>Batch {code} reassigned to {who}</source>
        <translation>批次 {code} 已转派给 {who}</translation>
    </message>
</context>
<context>
    <name>FoundModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Hand-over to the carrier</source>
        <translation>交接给承运商</translation>
    </message>
    <message>
        <source>Scan a parcel</source>
        <translation>扫描包裹</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Piece</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Close manifest</source>
        <translation>关闭交接单</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Cage</source>
        <translation>笼车</translation>
    </message>
    <message>
        <source>manifest open</source>
        <translation>交接单未关闭</translation>
    </message>
    <message>
        <source>manifest closed</source>
        <translation>交接单已关闭</translation>
    </message>
    <message numerus="yes">
        <source>On the {carrier} cage: %n parcel(s)</source>
        <translation>
            <numerusform>{carrier} 笼车上：%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Not on a manifest: %n parcel(s)</source>
        <translation>
            <numerusform>⚠ 未交接：%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>{parcel} is on {manifest} ({n} on it)</source>
        <translation>{parcel} 已上笼车：{manifest}（共 {n} 件）</translation>
    </message>
    <message numerus="yes">
        <source>{no} closed: %n parcel(s); orders shipped: {o}</source>
        <translation>
            <numerusform>交接单 {no} 已关闭：%n 个包裹；已发货订单：{o}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n labelled parcel(s) not on it</source>
        <translation>
            <numerusform>⚠ %n 个已贴单包裹未交接</numerusform>
        </translation>
    </message>
    <message>
        <source>Export manifest</source>
        <translation>导出交接单</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出：{path}</translation>
    </message>
</context>
<context>
    <name>HeldModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>发货期限</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>ship by {time}</source>
        <translation>发货期限 {time}</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>发货期限</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>{picker}, batch {batch}</source>
        <translation>{picker}，批次 {batch}</translation>
    </message>
    <message>
        <source>Hold note</source>
        <translation>挂起说明</translation>
    </message>
    <message>
        <source>Split part</source>
        <translation>拆单子单</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <source>Merged ({count} orders)</source>
        <translation>合单（{count} 个订单）</translation>
    </message>
    <message>
        <source>Split ({count} shipments)</source>
        <translation>拆单（{count} 个发货单）</translation>
    </message>
    <message>
        <source>Ships as one with {orders} ({group})</source>
        <translation>与 {orders} 合并发货（{group}）</translation>
    </message>
    <message>
        <source>Also ships from another warehouse as {orders}</source>
        <translation>另由其他仓库作为 {orders} 发货</translation>
    </message>
    <message>
        <source>Split off {order}: shipped when all its shipments are</source>
        <translation>拆自 {order}：所有发货单发出后订单才算已发货</translation>
    </message>
    <message>
        <source>{h}h{m}</source>
        <translation>{h}小时{m}分</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Find an order: number, tracking number, SKU or tel:1234 (the phone&apos;s last four digits), then Enter</source>
        <translation>查找订单：订单号、运单号、SKU 或 电话：1234（手机号后四位），然后按 Enter</translation>
    </message>
    <message>
        <source>tel:1234 finds the orders whose phone ends in 1234; four digits alone search the order numbers too. Phones are shown masked.</source>
        <translation>电话：1234 查找手机号以 1234 结尾的订单；只输入四位数字时也会搜索订单号。手机号以掩码显示。</translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation>原因（将记录）</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation>设优先级</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>转派</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>重打面单</translation>
    </message>
    <message>
        <source>Void label</source>
        <translation>作废面单</translation>
    </message>
    <message>
        <source>Intercept</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>No order found for “{term}”.</source>
        <translation>没有与“{term}”匹配的订单。</translation>
    </message>
    <message>
        <source>Found the first {n} orders for “{term}”: narrow the search.</source>
        <translation>已显示与“{term}”匹配的前 {n} 个订单：请缩小搜索范围。</translation>
    </message>
    <message numerus="yes">
        <source>Found %n order(s) for “{term}”.</source>
        <translation>
            <numerusform>找到 %n 个与“{term}”匹配的订单。</numerusform>
        </translation>
    </message>
    <message>
        <source>On hold: {n}</source>
        <translation>已挂起：{n}</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>请先选择订单。</translation>
    </message>
    <message>
        <source>Give a reason: it is recorded.</source>
        <translation>请填写原因：它会被记录。</translation>
    </message>
    <message>
        <source>{no} released: now {status}</source>
        <translation>{no} 已放行：现为{status}</translation>
    </message>
    <message>
        <source>{no} is on hold</source>
        <translation>{no} 已挂起</translation>
    </message>
    <message>
        <source>{no} cancelled</source>
        <translation>{no} 已取消</translation>
    </message>
    <message>
        <source>{no} is now {priority}</source>
        <translation>{no} 优先级已改为{priority}</translation>
    </message>
    <message>
        <source>{no} reassigned to {who} (batch {batch})</source>
        <translation>{no} 已转派给 {who}（批次 {batch}）</translation>
    </message>
    <message>
        <source>{no} reassigned to {who}</source>
        <translation>{no} 已转派给 {who}</translation>
    </message>
    <message>
        <source>No printer set up: File → Settings → Label printer.</source>
        <translation>未设置打印机：文件 → 设置 → 标签打印机。</translation>
    </message>
    <message numerus="yes">
        <source>{no}: %n label(s) sent to the printer again</source>
        <translation>
            <numerusform>{no}：已重新发送 %n 张面单到打印机</numerusform>
        </translation>
    </message>
    <message>
        <source>{no}: label(s) {numbers} voided; the parcels wait for new numbers</source>
        <translation>{no}：面单 {numbers} 已作废；包裹等待新的运单号</translation>
    </message>
    <message>
        <source>{no}: the carrier was asked to intercept {numbers}; an exception is open</source>
        <translation>{no}：已请承运商拦截 {numbers}；已开立异常</translation>
    </message>
    <message>
        <source>{no}: this carrier takes no intercept call: phone it; an exception is open</source>
        <translation>{no}：该承运商不支持拦截接口，请致电承运商；已开立异常</translation>
    </message>
    <message>
        <source>Recipient of {no} opened (recorded in the audit log)</source>
        <translation>已查看 {no} 的收件人（已记入审计日志）</translation>
    </message>
</context>
<context>
    <name>ReturnCheckName</name>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Packaging intact</source>
        <translation>包装完好</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <source>Matches the order</source>
        <translation>与订单一致</translation>
    </message>
</context>
<context>
    <name>ReturnCheckShort</name>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>boxed</source>
        <translation>包装好</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>一致</translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Scan the RMA, parcel or order</source>
        <translation>扫描退货单、包裹或订单</translation>
    </message>
    <message>
        <source>Scan a returned parcel to receive it</source>
        <translation>扫描退回的包裹以收货</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>效期</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Unit checklist</source>
        <translation>商品检查</translation>
    </message>
    <message>
        <source>Record inspection</source>
        <translation>记录检查</translation>
    </message>
    <message>
        <source>Scan the shelf to restock to</source>
        <translation>扫描上架库位</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Refund amount, ¥</source>
        <translation>退款金额（¥）</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Reship</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rma}&lt;/b&gt; · order {order} ({order_status}) · {reason} · &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{rma}&lt;/b&gt; · 订单 {order}（{order_status}）· {reason} · &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Settled: refunded {amount}</source>
        <translation>已结案：退款 {amount}</translation>
    </message>
    <message>
        <source>Settled: {resolution}</source>
        <translation>已结案：{resolution}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Line {n}: {decision}</source>
        <translation>第 {n} 行：{decision}</translation>
    </message>
    <message>
        <source>Type the refund amount</source>
        <translation>请输入退款金额</translation>
    </message>
</context>
<context>
    <name>StockPanel</name>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>预警线</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>补货单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Replenishment requests</source>
        <translation>补货申请</translation>
    </message>
    <message>
        <source>Export replenishment requests</source>
        <translation>导出补货申请</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) written to {file}</source>
        <translation>
            <numerusform>已导出 %n 条补货申请到 {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorWorkspace</name>
    <message>
        <source>Run intake</source>
        <translation>运行订单审核</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Exceptions ({n})</source>
        <translation>异常（{n}）</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Not updated: the central database cannot be reached.</source>
        <translation>未更新：无法连接中央数据库。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message numerus="yes">
        <source>Intake: %n order(s) processed — {ready} ready, {held} held, {backordered} backordered, {skipped} skipped, {failed} failed</source>
        <translation>
            <numerusform>审核完成：处理 %n 单 — 待拣货 {ready}，挂起 {held}，缺货待补 {backordered}，跳过 {skipped}，失败 {failed}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WavesPanel</name>
    <message>
        <source>Multi-order carts</source>
        <translation>多订单车</translation>
    </message>
    <message>
        <source>Single-SKU (bestsellers)</source>
        <translation>单品（爆款）</translation>
    </message>
    <message>
        <source>Put wall</source>
        <translation>播种墙</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已放出</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>波次</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>放出时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>车数</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待领</translation>
    </message>
    <message>
        <source>all ready</source>
        <translation>全部待拣</translation>
    </message>
    <message>
        <source>Release wave</source>
        <translation>放波次</translation>
    </message>
    <message>
        <source>No warehouse to release a wave in.</source>
        <translation>没有可放波次的仓库。</translation>
    </message>
    <message>
        <source>Wave {code}: {orders} orders in {carts} carts</source>
        <translation>波次 {code}：{orders} 个订单，{carts} 车</translation>
    </message>
</context>
</TS>
