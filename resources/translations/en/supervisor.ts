<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Figures · 运营数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show · 查询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV · 导出 CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export XLSX · 导出 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From · 从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to · 到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest stage: &lt;b&gt;{stage}&lt;/b&gt; · 最慢环节：&lt;b&gt;{zh}&lt;/b&gt; (mean {h:.1f} h, p90 {p:.1f} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;In the warehouse: &lt;b&gt;{stage}&lt;/b&gt; · 仓内最慢：&lt;b&gt;{zh}&lt;/b&gt; ({h:.1f} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders moved in this period · 本期间无订单流转</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders received · 接单: {n} ({ph:.2f}/h)&lt;br&gt;SLA kept · 按时发货: {sla} ({k}/{w})&lt;br&gt;Short picks · 缺货拣选: {se} events, {sx} exceptions&lt;br&gt;Satisfaction · 满意度: {score} ({r} answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slowest · 最慢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per stage, mean hours · 各环节平均耗时（小时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders per hour · 每小时接单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units/h · 件/时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors % · 差错率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick rate and errors per picker · 拣货效率与差错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns by reason · 退货原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none · 无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean score · 平均分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction by category · 满意度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figures · 导出数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Hand-over to the carrier · 交接给承运商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a parcel · 扫描包裹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel · 包裹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order · 订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking · 运单号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/m · 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight g · 重量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City · 城市</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier · 承运商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close manifest · 关闭交接单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF · 导出 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV · 导出 CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cage · 笼车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open · 未关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed · 已关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the {carrier} cage: {n} · 笼车上：{n} 件 {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Not on a manifest: {n} · 未交接：{n} 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{parcel} on {manifest} ({n}) · 已上笼车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} closed: {p} parcels, {o} orders shipped · 交接单已关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
⚠ {n} labelled parcels are not on it · {n} 个已贴单包裹未交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export manifest · 导出交接单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written · 已导出: {p}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <source>Returns · 退货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan RMA, parcel or order · 扫描退货单、包裹或订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a returned parcel to receive it · 扫描退回的包裹以收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line · 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product · 商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty · 数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot · 批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry · 效期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist · 检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested · 建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision · 处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit checklist · 商品检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused · 未使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaging intact · 包装完好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged · 有损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the order · 与订单一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record inspection · 记录检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the shelf to restock to · 扫描上架库位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle · 结案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund ¥ · 退款金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund · 退款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reship · 重发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received · 已收货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {n}: {d} · 已处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the refund amount · 请输入退款金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled: {r} · 已结案</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorWorkspace</name>
    <message>
        <source>Run intake · 运行订单审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor · 现场</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders · 订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions · 异常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock · 库存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit · 审计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over · 交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns · 退货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures · 数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders
订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent
加急</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exped.
优先</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal
普通</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order
订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status
状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority
优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship by
发货期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left
剩余</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picker · batch
拣货员 · 批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picker
拣货员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station
工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch
批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops
进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign batch · 转派批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason · 原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickers and their batches · 拣货员与批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant
商户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold
挂起说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold · 已挂起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason
原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail
说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (recorded) · 原因（将记录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release · 放行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold · 挂起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel · 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set priority · 设优先级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign · 转派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer · 收件人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind
类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status
订单状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised
时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened
情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision · 处理决定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an exception. · 请选择一条异常。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substitute SKU or GTIN · 替代商品编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s consent: how, when · 客户同意：方式、时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide · 确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WH
仓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available
可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold
预警线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request
补货单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product
商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty
数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier
供应商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV · 导出 CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock · 库存预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replenishment requests · 补货申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: order, batch, action, reason… · 搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User · 用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find · 查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From · 从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to · 至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When
时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User
用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action
操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity
对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail
详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions ({n}) · 异常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated {time} · 更新于 {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold: {n} · 已挂起：{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not updated: the central database cannot be reached. · 未更新：无法连接中央数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working… · 处理中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed · 失败: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake: {text} · 审核完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an order first. · 请先选择订单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is recorded. · 请填写原因：它会被记录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} released: now {status} · 已放行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} held · 已挂起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} cancelled · 已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} is now {cls} · 优先级已更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} reassigned to {who} {batch} · 已转派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer data opened for {no} (audited) · 已查看收件人（已记录）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picker with a batch. · 请选择有批次的拣货员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} reassigned to {who} · 批次已转派</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an exception first. · 请先选择异常。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{id}: {decision} recorded · 已记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export replenishment · 导出补货申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} requests written to {path} · 已导出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
