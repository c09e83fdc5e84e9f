<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CountsTab</name>
    <message>
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>What</source>
        <translation>盘点对象</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Choose a count or scan its label</source>
        <translation>请选择盘点单或扫描其标签</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>Key the count of the last item</source>
        <translation>输入上一件商品的数量</translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation>提交盘点</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>bin {code}</source>
        <translation>库位 {code}</translation>
    </message>
    <message>
        <source>product {code}</source>
        <translation>商品 {code}</translation>
    </message>
    <message>
        <source>short pick</source>
        <translation>拣货短缺</translation>
    </message>
    <message>
        <source>cycle count</source>
        <translation>循环盘点</translation>
    </message>
    <message>
        <source>{code}: scan each bin — {bins} — then what it holds</source>
        <translation>{code}：请逐一扫描库位（{bins}），再扫描其中的商品</translation>
    </message>
    <message>
        <source>Scan the bin</source>
        <translation>请扫描库位</translation>
    </message>
    <message>
        <source>{code} is not an open count</source>
        <translation>{code} 不是待盘点的盘点单</translation>
    </message>
    <message>
        <source>Choose a count first</source>
        <translation>请先选择盘点单</translation>
    </message>
    <message>
        <source>Bin {code} — scan what it holds (nothing: scan the next bin)</source>
        <translation>库位 {code} — 请扫描其中的商品（无货：直接扫描下一个库位）</translation>
    </message>
    <message>
        <source>{n} counted — scan the next unit or key the count</source>
        <translation>已盘 {n} 件 — 请扫描下一件或输入数量</translation>
    </message>
    <message>
        <source>Scan a bin or an item</source>
        <translation>请扫描库位或商品</translation>
    </message>
    <message>
        <source>Scan the item first, then key its count</source>
        <translation>请先扫描商品，再输入数量</translation>
    </message>
    <message>
        <source>Key a whole number</source>
        <translation>请输入整数</translation>
    </message>
    <message>
        <source>{n} counted</source>
        <translation>已盘 {n} 件</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>{code} recorded: {n} lines, {a} adjusted, {w} sent to a supervisor</source>
        <translation>{code} 已记录：{n} 行，调整 {a} 行，{w} 行交主管审批</translation>
    </message>
    <message>
        <source>{code} recorded: {n} lines, {a} adjusted</source>
        <translation>{code} 已记录：{n} 行，调整 {a} 行</translation>
    </message>
</context>
<context>
    <name>ReceiverWorkspace</name>
    <message>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Replenishment</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Transfers out</source>
        <translation>调拨出库</translation>
    </message>
    <message>
        <source>Scan the notice number on the delivery note to start receiving.</source>
        <translation>扫描送货单上的到货通知编号开始收货。</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>到货通知</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发货方</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Units (blank: as scanned)</source>
        <translation>件数（留空：按扫描）</translation>
    </message>
    <message>
        <source>Close notice</source>
        <translation>关闭到货通知</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>短缺</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>超出</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Put away now</source>
        <translation>立即上架</translation>
    </message>
    <message>
        <source>Scan an item waiting at the dock, then the bin you put it into.</source>
        <translation>扫描收货区待上架的商品，再扫描放入的库位。</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>收货区</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Suggested bin</source>
        <translation>建议库位</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>待收货</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>收货中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Decide on the last scan first: accept, quarantine or refuse.</source>
        <translation>请先处理上一次扫描：接收、隔离或拒收。</translation>
    </message>
    <message>
        <source>The units must be a whole number of at least 1.</source>
        <translation>件数必须是至少为 1 的整数。</translation>
    </message>
    <message>
        <source>{code} is not an expected notice. Scan the notice number.</source>
        <translation>{code} 不是待收货的到货通知。请扫描通知编号。</translation>
    </message>
    <message>
        <source>Notice {code}</source>
        <translation>到货通知 {code}</translation>
    </message>
    <message>
        <source>Scan the items: GS1 code with lot and expiry, or the product barcode.</source>
        <translation>请扫描商品：含批号和有效期的 GS1 条码，或商品条码。</translation>
    </message>
    <message>
        <source>not on the notice</source>
        <translation>不在通知中</translation>
    </message>
    <message>
        <source>{qty} × {sku} received ({got} of {expected})</source>
        <translation>已收 {qty} × {sku}（{got} / {expected}）</translation>
    </message>
    <message>
        <source>Decide: accept, quarantine or refuse.</source>
        <translation>请决定：接收、隔离或拒收。</translation>
    </message>
    <message>
        <source>{qty} × {sku}: {why}</source>
        <translation>{qty} × {sku}：{why}</translation>
    </message>
    <message>
        <source>Units go down at {dock}</source>
        <translation>货物放在 {dock}</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <source>{qty} × {sku} {decision}</source>
        <translation>{qty} × {sku} {decision}</translation>
    </message>
    <message>
        <source>Not saved yet: {error}</source>
        <translation>尚未保存：{error}</translation>
    </message>
    <message>
        <source>Notice {code} closed: {a} accepted into {dock}, {q} quarantined, {r} refused, {s} short</source>
        <translation>到货通知 {code} 已关闭：{a} 件接收至 {dock}，{q} 件隔离，{r} 件拒收，短缺 {s} 件</translation>
    </message>
    <message>
        <source>over</source>
        <translation>超出</translation>
    </message>
    <message>
        <source>other lot</source>
        <translation>批号不同</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>short-dated</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>other expiry</source>
        <translation>有效期不同</translation>
    </message>
    <message>
        <source>This item does not wait at a dock.</source>
        <translation>此商品不在收货区待上架。</translation>
    </message>
    <message>
        <source>{qty} × {sku}: put into {bin} and scan the bin (or another bin)</source>
        <translation>{qty} × {sku}：放入 {bin} 并扫描该库位（或其他库位）</translation>
    </message>
    <message>
        <source>Scan the item first, then the bin.</source>
        <translation>请先扫描商品，再扫描库位。</translation>
    </message>
    <message>
        <source>Scan the item, then the bin.</source>
        <translation>请扫描商品，再扫描库位。</translation>
    </message>
    <message>
        <source>{qty} × {sku} put away into {bin}</source>
        <translation>{qty} × {sku} 已上架至 {bin}</translation>
    </message>
    <message>
        <source>Backordered orders released: {orders}</source>
        <translation>已放行缺货订单：{orders}</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Choose a task or scan its label</source>
        <translation>请选择补货任务或扫描其标签</translation>
    </message>
    <message>
        <source>Units moved (Enter: all)</source>
        <translation>搬运数量（回车：全部）</translation>
    </message>
    <message>
        <source>Look for low pick faces</source>
        <translation>查找低库存拣货位</translation>
    </message>
    <message>
        <source>{n} new tasks</source>
        <translation>新增 {n} 个任务</translation>
    </message>
    <message>
        <source>{code}: {qty} × {sku} from {src} to {dst}</source>
        <translation>{code}：{qty} × {sku}，从 {src} 到 {dst}</translation>
    </message>
    <message>
        <source>Scan the reserve bin {code}</source>
        <translation>请扫描存储库位 {code}</translation>
    </message>
    <message>
        <source>Scan the item {sku}</source>
        <translation>请扫描商品 {sku}</translation>
    </message>
    <message>
        <source> (lot {lot})</source>
        <translation>（批号 {lot}）</translation>
    </message>
    <message>
        <source>Key the units you take (up to {n}), Enter for all</source>
        <translation>请输入取出的数量（最多 {n} 件），按回车表示全部</translation>
    </message>
    <message>
        <source>Scan the pick face {code}</source>
        <translation>请扫描拣货位 {code}</translation>
    </message>
    <message>
        <source>{code} is not an open task</source>
        <translation>{code} 不是待处理的补货任务</translation>
    </message>
    <message>
        <source>Choose a task first</source>
        <translation>请先选择补货任务</translation>
    </message>
    <message>
        <source>Wrong bin: take the units from {code}</source>
        <translation>库位错误：请从 {code} 取货</translation>
    </message>
    <message>
        <source>Bin OK — scan the item</source>
        <translation>库位正确 — 请扫描商品</translation>
    </message>
    <message>
        <source>Wrong item: this task moves {sku}</source>
        <translation>商品错误：此任务搬运 {sku}</translation>
    </message>
    <message>
        <source>Wrong lot {got}: this task moves lot {lot}</source>
        <translation>批号错误 {got}：此任务搬运批号 {lot}</translation>
    </message>
    <message>
        <source>Item OK — key the units, or Enter for {n}</source>
        <translation>商品正确 — 请输入数量，或按回车表示 {n} 件</translation>
    </message>
    <message>
        <source>Wrong pick face: put the units into {code}</source>
        <translation>拣货位错误：请放入 {code}</translation>
    </message>
    <message>
        <source>Key the units first</source>
        <translation>请先输入数量</translation>
    </message>
    <message>
        <source>Between 1 and {n} units</source>
        <translation>数量须在 1 到 {n} 件之间</translation>
    </message>
    <message>
        <source>{n} units — scan the pick face {code}</source>
        <translation>{n} 件 — 请扫描拣货位 {code}</translation>
    </message>
    <message>
        <source>{qty} × {sku} now at {code}</source>
        <translation>{qty} × {sku} 已放入 {code}</translation>
    </message>
    <message>
        <source>orders released: {orders}</source>
        <translation>已放行订单：{orders}</translation>
    </message>
</context>
<context>
    <name>TransfersOutTab</name>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出仓</translation>
    </message>
    <message>
        <source>To</source>
        <translation>调入仓</translation>
    </message>
    <message>
        <source>For order</source>
        <translation>所属订单</translation>
    </message>
    <message>
        <source>Scan the transfer number (TRF-…) or double-click a transfer to walk it.</source>
        <translation>扫描调拨单号（TRF-…）或双击调拨单开始拣货。</translation>
    </message>
    <message>
        <source>No transfer open</source>
        <translation>未打开调拨单</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>This bin is empty</source>
        <translation>此库位无货</translation>
    </message>
    <message>
        <source>End short…</source>
        <translation>短缺结束…</translation>
    </message>
    <message>
        <source>Send and print the label</source>
        <translation>发出并打印标签</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Send what was taken</source>
        <translation>发出已拣部分</translation>
    </message>
    <message>
        <source>Keep walking</source>
        <translation>继续拣货</translation>
    </message>
    <message>
        <source>{code}: {qty} × {sku} from {src} to {dst}</source>
        <translation>{code}：{qty} × {sku}，从 {src} 到 {dst}</translation>
    </message>
    <message>
        <source>Walk resumed: {n} of {qty} taken already</source>
        <translation>继续拣货：已拣 {n} / {qty} 件</translation>
    </message>
    <message>
        <source>{code} open: go to the first bin</source>
        <translation>{code} 已打开：请前往第一个库位</translation>
    </message>
    <message>
        <source>Scan a transfer number to start.</source>
        <translation>请扫描调拨单号开始。</translation>
    </message>
    <message>
        <source>Taken: {n} of {qty} · still to take: {rest} — the bins ahead:</source>
        <translation>已拣：{n} / {qty} 件 · 还需拣：{rest} 件 — 待拣库位：</translation>
    </message>
    <message>
        <source>All {qty} taken: press Send and print the label.</source>
        <translation>{qty} 件已全部拣齐：请按「发出并打印标签」。</translation>
    </message>
    <message>
        <source>No bin left holds more: {n} of {qty} taken. End short to send them; the other {rest} stay requested.</source>
        <translation>已无库位有货：已拣 {n} / {qty} 件。可短缺结束并发出；其余 {rest} 件保留为待调拨。</translation>
    </message>
    <message>
        <source>Go to {bin} and scan the bin</source>
        <translation>请前往 {bin} 并扫描库位</translation>
    </message>
    <message>
        <source>Scan the item {sku}</source>
        <translation>请扫描商品 {sku}</translation>
    </message>
    <message>
        <source> (lot {lot})</source>
        <translation>（批号 {lot}）</translation>
    </message>
    <message>
        <source>Key the units you take from {bin} (Enter: {n})</source>
        <translation>请输入从 {bin} 取出的数量（回车：{n} 件）</translation>
    </message>
    <message>
        <source>Units (Enter: {n})</source>
        <translation>数量（回车：{n} 件）</translation>
    </message>
    <message>
        <source>Wait: the last stop is being saved</source>
        <translation>请稍候：上一个库位正在保存</translation>
    </message>
    <message>
        <source>{code} is already open</source>
        <translation>{code} 已打开</translation>
    </message>
    <message>
        <source>Scan a transfer number (TRF-…) first, or double-click a transfer</source>
        <translation>请先扫描调拨单号（TRF-…），或双击调拨单</translation>
    </message>
    <message>
        <source>Everything is taken: press Send and print the label</source>
        <translation>已全部拣齐：请按「发出并打印标签」</translation>
    </message>
    <message>
        <source>Bin {bin} OK — scan the item</source>
        <translation>库位 {bin} 正确 — 请扫描商品</translation>
    </message>
    <message>
        <source>Item OK — key the units, or Enter for {n}</source>
        <translation>商品正确 — 请输入数量，或按回车表示 {n} 件</translation>
    </message>
    <message>
        <source>The units must be a whole number</source>
        <translation>数量必须是整数</translation>
    </message>
    <message>
        <source>{n} taken — all {qty} taken: press Send and print the label</source>
        <translation>已拣 {n} 件 — {qty} 件已全部拣齐：请按「发出并打印标签」</translation>
    </message>
    <message>
        <source>{n} taken — no bin left for the other {rest}: end short to send what was taken</source>
        <translation>已拣 {n} 件 — 其余 {rest} 件已无库位可拣：请短缺结束，发出已拣部分</translation>
    </message>
    <message>
        <source>Bin short: {n} taken — the other {rest} are asked of {bin}</source>
        <translation>库位短缺：已拣 {n} 件 — 其余 {rest} 件改从 {bin} 拣</translation>
    </message>
    <message>
        <source>{n} taken — next: {bin}</source>
        <translation>已拣 {n} 件 — 下一个：{bin}</translation>
    </message>
    <message>
        <source>Send {code} short: {n} of {qty} now? The other {rest} stay requested as a new transfer.</source>
        <translation>现在短缺发出 {code}：{n} / {qty} 件？其余 {rest} 件将另建调拨申请。</translation>
    </message>
    <message>
        <source>Ending short: confirm or keep walking</source>
        <translation>短缺结束：请确认或继续拣货</translation>
    </message>
    <message>
        <source>{code} sent: {qty} × {sku} to {dst} — notice {asn}</source>
        <translation>{code} 已发出：{qty} × {sku} 发往 {dst} — 到货通知 {asn}</translation>
    </message>
    <message>
        <source>The other {n} stay requested as {code}</source>
        <translation>其余 {n} 件保留为待调拨 {code}</translation>
    </message>
    <message>
        <source>Label sent to the printer: stick it on the goods.</source>
        <translation>标签已发送到打印机：请贴在货物上。</translation>
    </message>
    <message>
        <source>The label did not print: {error}</source>
        <translation>标签未能打印：{error}</translation>
    </message>
    <message>
        <source>No printer set up: File → Settings → Label printer.</source>
        <translation>未设置打印机：文件 → 设置 → 标签打印机。</translation>
    </message>
    <message>
        <source>{code} sent — scan the next transfer</source>
        <translation>{code} 已发出 — 请扫描下一张调拨单</translation>
    </message>
</context>
</TS>
