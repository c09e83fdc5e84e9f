<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditActionName</name>
    <message>
        <source>Address corrected</source>
        <translation>地址已修正</translation>
    </message>
    <message>
        <source>Batch assigned</source>
        <translation>批次已分配</translation>
    </message>
    <message>
        <source>Batch done</source>
        <translation>批次完成</translation>
    </message>
    <message>
        <source>Batch reassigned</source>
        <translation>批次已转派</translation>
    </message>
    <message>
        <source>Batch started</source>
        <translation>批次开始</translation>
    </message>
    <message>
        <source>Carrier changed</source>
        <translation>更换承运商</translation>
    </message>
    <message>
        <source>Customer data opened</source>
        <translation>查看客户资料</translation>
    </message>
    <message>
        <source>Recipient viewed</source>
        <translation>查看收件人</translation>
    </message>
    <message>
        <source>Demo data written</source>
        <translation>写入演示数据</translation>
    </message>
    <message>
        <source>Documents queued</source>
        <translation>单据已排队打印</translation>
    </message>
    <message>
        <source>Exception decided</source>
        <translation>异常已处理</translation>
    </message>
    <message>
        <source>Exception opened</source>
        <translation>新建异常</translation>
    </message>
    <message>
        <source>Feedback recorded</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <source>Insurance claim filed</source>
        <translation>已提交保险理赔</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>订单审核</translation>
    </message>
    <message>
        <source>Station action refused</source>
        <translation>工作站操作被拒</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>面单已打印</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Manifest closed</source>
        <translation>交接单已关闭</translation>
    </message>
    <message>
        <source>Manifest opened</source>
        <translation>交接单已创建</translation>
    </message>
    <message>
        <source>Notification failed</source>
        <translation>通知发送失败</translation>
    </message>
    <message>
        <source>Notification sent</source>
        <translation>通知已发送</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>优先级已更改</translation>
    </message>
    <message>
        <source>Order reassigned</source>
        <translation>订单已转派</translation>
    </message>
    <message>
        <source>Order released</source>
        <translation>订单已放行</translation>
    </message>
    <message>
        <source>Order status changed</source>
        <translation>订单状态变更</translation>
    </message>
    <message>
        <source>Orders completed</source>
        <translation>订单已完成</translation>
    </message>
    <message>
        <source>Orders imported</source>
        <translation>订单已导入</translation>
    </message>
    <message>
        <source>Parcel handed over</source>
        <translation>包裹已交接</translation>
    </message>
    <message>
        <source>Parcel packed</source>
        <translation>包裹已打包</translation>
    </message>
    <message>
        <source>Pick confirmed</source>
        <translation>拣货确认</translation>
    </message>
    <message>
        <source>Pick refused</source>
        <translation>拣货被拒</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Release tried</source>
        <translation>尝试放行</translation>
    </message>
    <message>
        <source>Replenishment requested</source>
        <translation>申请补货</translation>
    </message>
    <message>
        <source>Replenishment status changed</source>
        <translation>补货状态变更</translation>
    </message>
    <message>
        <source>Return line decided</source>
        <translation>退货行已处理</translation>
    </message>
    <message>
        <source>Return inspected</source>
        <translation>退货已检查</translation>
    </message>
    <message>
        <source>Return received</source>
        <translation>退货已收货</translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation>申请退货</translation>
    </message>
    <message>
        <source>Return settled</source>
        <translation>退货已结案</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Supervisor check failed</source>
        <translation>主管验证失败</translation>
    </message>
    <message>
        <source>Supervisor check refused</source>
        <translation>主管验证被拒</translation>
    </message>
    <message>
        <source>Supervisor verified</source>
        <translation>主管已验证</translation>
    </message>
    <message>
        <source>Tote freed</source>
        <translation>周转箱已释放</translation>
    </message>
    <message>
        <source>Tracking imported</source>
        <translation>导入物流轨迹</translation>
    </message>
    <message>
        <source>Weight override</source>
        <translation>重量放行</translation>
    </message>
</context>
<context>
    <name>AuditEntityName</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Station journal</source>
        <translation>工作站日志</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Pick task</source>
        <translation>拣货任务</translation>
    </message>
    <message>
        <source>Replenishment request</source>
        <translation>补货申请</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Tote</source>
        <translation>周转箱</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>AuditFieldName</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>other bins</source>
        <translation>其他库位</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>carton</source>
        <translation>纸箱</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>first</source>
        <translation>首个</translation>
    </message>
    <message>
        <source>for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>found</source>
        <translation>找到</translation>
    </message>
    <message>
        <source>from</source>
        <translation>原</translation>
    </message>
    <message>
        <source>from batch</source>
        <translation>原批次</translation>
    </message>
    <message>
        <source>from picker</source>
        <translation>原拣货员</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>审核项</translation>
    </message>
    <message>
        <source>held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>insured value</source>
        <translation>保价金额</translation>
    </message>
    <message>
        <source>print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>matches the order</source>
        <translation>与订单一致</translation>
    </message>
    <message>
        <source>weighed</source>
        <translation>实称</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>new order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders shipped</source>
        <translation>已发货订单</translation>
    </message>
    <message>
        <source>packaging intact</source>
        <translation>包装完好</translation>
    </message>
    <message>
        <source>parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <source>picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>rules chose</source>
        <translation>规则选择</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>parcel no.</source>
        <translation>包裹序号</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>stops</source>
        <translation>站点数</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>预警线</translation>
    </message>
    <message>
        <source>to</source>
        <translation>新</translation>
    </message>
    <message>
        <source>tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>AuditValueName</name>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <source>shipping label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>customer data</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>express</source>
        <translation>特快</translation>
    </message>
</context>
<context>
    <name>DecisionName</name>
    <message>
        <source>Transfer from another warehouse</source>
        <translation>从其他仓库调货</translation>
    </message>
    <message>
        <source>Wait for stock</source>
        <translation>等待补货</translation>
    </message>
    <message>
        <source>Substitute (customer consents)</source>
        <translation>替代商品（客户同意）</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Full refund (cancel)</source>
        <translation>全额退款（取消）</translation>
    </message>
    <message>
        <source>Release after the fix</source>
        <translation>修正后放行</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Reship</source>
        <translation>重发</translation>
    </message>
</context>
<context>
    <name>ExceptionKindName</name>
    <message>
        <source>Address hold</source>
        <translation>地址挂起</translation>
    </message>
    <message>
        <source>Price hold</source>
        <translation>价格挂起</translation>
    </message>
    <message>
        <source>Payment hold</source>
        <translation>付款挂起</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>Weight override</source>
        <translation>重量放行</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Not handed over</source>
        <translation>未交接</translation>
    </message>
    <message>
        <source>Refused on delivery</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢件</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>FeedbackCategory</name>
    <message>
        <source>Delivery speed</source>
        <translation>配送速度</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>商品质量</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
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
        <source>Short picks: %n event(s); exceptions opened: {x}</source>
        <translation>
            <numerusform>缺货拣选：%n 次；新建异常：{x}</numerusform>
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
    <name>FiguresStage</name>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
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
    <name>HoldReasonName</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>OrderStatusName</name>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢件</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PriorityName</name>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Expedited</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
</context>
<context>
    <name>ReplenishmentReasonName</name>
    <message>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
</context>
<context>
    <name>ReplenishmentStatusName</name>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
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
    <name>ReturnDecisionName</name>
    <message>
        <source>Restock</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
</context>
<context>
    <name>ReturnReasonName</name>
    <message>
        <source>No-reason return</source>
        <translation>无理由退货</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation>发错商品</translation>
    </message>
    <message>
        <source>Refused on delivery</source>
        <translation>拒收</translation>
    </message>
</context>
<context>
    <name>ReturnResolutionName</name>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Reshipped</source>
        <translation>已重发</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已维修</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已换货</translation>
    </message>
</context>
<context>
    <name>ReturnStatusName</name>
    <message>
        <source>Requested</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exped.</source>
        <comment>short for the priority class Expedited</comment>
        <translation>优先</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
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
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Hold note</source>
        <translation>挂起说明</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
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
        <source>Kind</source>
        <translation>类型</translation>
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
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Choose an exception.</source>
        <translation>请选择一条异常。</translation>
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
        <source>Warehouse</source>
        <translation>仓库</translation>
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
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
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
        <source>On hold: {n}</source>
        <translation>已挂起：{n}</translation>
    </message>
    <message>
        <source>{h}h{m}</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <source>ship by {time}</source>
        <translation>发货期限 {time}</translation>
    </message>
    <message>
        <source>{picker}, batch {batch}</source>
        <translation>{picker}，批次 {batch}</translation>
    </message>
    <message>
        <source>last seen {time}</source>
        <translation>最近在线 {time}</translation>
    </message>
    <message>
        <source>{sku} short by {qty} at {location} (batch {batch}, {picker})</source>
        <translation>{sku} 在 {location} 缺 {qty} 件（批次 {batch}，{picker}）</translation>
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
        <source>{who} at {station}: {reason}</source>
        <translation>{who}（{station}）：{reason}</translation>
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
        <source>Recipient of {no} opened (recorded in the audit log)</source>
        <translation>已查看 {no} 的收件人（已记入审计日志）</translation>
    </message>
    <message>
        <source>Choose a picker with a batch.</source>
        <translation>请选择有批次的拣货员。</translation>
    </message>
    <message>
        <source>Batch {code} reassigned to {who}</source>
        <translation>批次 {code} 已转派给 {who}</translation>
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
        <source>Choose an exception first.</source>
        <translation>请先选择异常。</translation>
    </message>
    <message>
        <source>#{id}: “{decision}” recorded</source>
        <translation>#{id}：已记录「{decision}」</translation>
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
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the fields of an audit entry</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
</context>
</TS>
