<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PickerWorkspace</name>
    <message>
        <source>Counting ready orders… · 正在统计…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next batch · 下一批   (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a cart, press Next batch, then scan: location → item → quantity.
推车就位后按“下一批”，然后依次扫描：库位 → 商品 → 数量。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count · 数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short / empty bin · 缺货  (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to pick: {n} orders · 待拣货：{n} 单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} is waiting for you · 批次 {code} 等待您拣货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning your batch… · 正在规划批次…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code}: {n} stops, {m} m. Go to the first location.
批次 {code}：{n} 个拣货点，{m} 米。请前往第一个库位。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders · 订单: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} · all stops done · 全部完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To packing · 送往打包台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · stop {n}/{total} · 第 {n}/{total} 站 · {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {n} · 拣 {n} 件   in hand · 已拣 {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot · 批次 {lot}   expires · 到期 {exp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lot · 无批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into tote · 放入周转箱 {tote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order · 订单 {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan location · 扫库位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan item · 扫商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan or key count · 扫描或输入数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done · 完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a moment… · 请稍候…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Next batch first · 请先按“下一批”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-planning the route, wait… · 正在重新规划路线，请稍候…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location OK — scan the item · 库位正确，请扫描商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are at {loc} — scan the item · 已在此库位，请扫描商品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{k} of {n} — scan the next unit or key the count · 已拣 {k}/{n}，继续扫描或输入数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next · 下一站: {loc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch complete — take the totes to packing · 本批完成，请送往打包台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {product} → {tote}. {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This batch now belongs to {who}; your last stop is being checked. · 本批次已转给 {who}，正在核对您的最后一站。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} done — totes to packing · 批次 {code} 完成，请送往打包台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short reported at {loc} — re-planning… · 已上报缺货，正在重新规划…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the missing {n} from {where} — route re-planned. · 缺少的 {n} 件改从 {where} 拣取，路线已重新规划。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other stock: order {order} is held for the supervisor; its other stops are removed. · 无其他库存：订单 {order} 已挂起交主管处理，其余拣货点已移除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short recorded · 缺货已记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route re-planned · 路线已重新规划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} held · 订单已挂起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: {n} confirmed action(s) kept on this station, sent when the database is back · 离线：{n} 个已确认操作保存在本机，恢复连接后自动上传</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet — retrying… · 尚未保存，正在重试…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the supervisor as a conflict · 已作为冲突提交主管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was changed by the supervisor; the list updates after this stop. · 主管已调整批次 {code}，完成当前拣货点后更新。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was reassigned to {who}. Finish this stop; then you go back to Next batch. · 批次 {code} 已转给 {who}。请完成当前拣货点，之后返回“下一批”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was assigned to you; it comes after this one. · 批次 {code} 已分配给您，完成当前批次后开始。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was reassigned to {who}. Leave its totes at the cart. · 批次 {code} 已转给 {who}。请将周转箱留在推车上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the database: {error} · 无法连接数据库</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <source>No route · 无路线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depot · 出发点</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortPickDialog</name>
    <message>
        <source>Short / empty bin · 缺货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location}
{product}

How many did you find? (0 = empty bin)
实际找到几件？（0 = 空库位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report short · 上报缺货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel · 取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
