<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PickerWorkspace</name>
    <message>
        <source>Counting ready orders…</source>
        <translation>正在统计待拣订单…</translation>
    </message>
    <message>
        <source>Next batch</source>
        <translation>下一批</translation>
    </message>
    <message>
        <source>Take a cart, press Next batch, then scan: location → item → quantity.</source>
        <translation>推车就位后按“下一批”，然后依次扫描：库位 → 商品 → 数量。</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Short / empty bin</source>
        <translation>缺货 / 空库位</translation>
    </message>
    <message>
        <source>Take the suggested totes</source>
        <translation>采用建议的周转箱</translation>
    </message>
    <message numerus="yes">
        <source>Ready to pick: %n order(s)</source>
        <translation>
            <numerusform>待拣货：%n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch {code} is waiting for you</source>
        <translation>批次 {code} 等待您拣货</translation>
    </message>
    <message>
        <source>Planning your batch…</source>
        <translation>正在规划批次…</translation>
    </message>
    <message numerus="yes">
        <source>Batch {code}: %n stop(s), {m} m. Put its totes on the cart and scan each (F6: take the suggested ones).</source>
        <translation>
            <numerusform>批次 {code}：%n 个拣货点，{m} 米。请把周转箱放上拣货车并逐个扫描（F6：直接采用建议的周转箱）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch {code}: %n stop(s), {m} m. Go to the first location.</source>
        <translation>
            <numerusform>批次 {code}：%n 个拣货点，{m} 米。请前往第一个库位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders: {orders}</source>
        <translation>订单：{orders}</translation>
    </message>
    <message>
        <source>Batch {code} · all stops done</source>
        <translation>批次 {code} · 全部完成</translation>
    </message>
    <message>
        <source>To packing</source>
        <translation>送往打包台</translation>
    </message>
    <message>
        <source>{code} · stop {n} of {total} · {step}</source>
        <translation>{code} · 第 {n}/{total} 站 · {step}</translation>
    </message>
    <message>
        <source>Take {n}   in hand {k}</source>
        <translation>拣 {n} 件   已拣 {k}</translation>
    </message>
    <message>
        <source>Lot {lot}   expires {exp}</source>
        <translation>批号 {lot}   到期 {exp}</translation>
    </message>
    <message>
        <source>No lot</source>
        <translation>无批号</translation>
    </message>
    <message>
        <source>Into tote {tote} — scan the tote</source>
        <translation>放入周转箱 {tote} — 请扫描该周转箱</translation>
    </message>
    <message>
        <source>Into tote {tote}</source>
        <translation>放入周转箱 {tote}</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <source>cancelled — do not pack</source>
        <translation>已取消——请勿打包</translation>
    </message>
    <message>
        <source>{code} · the cart · {k} of {n} totes on it</source>
        <translation>{code} · 拣货车 · 已上车 {k}/{n} 个周转箱</translation>
    </message>
    <message>
        <source>Totes onto the cart</source>
        <translation>周转箱上车</translation>
    </message>
    <message>
        <source>No tote: into the cart&apos;s open bin</source>
        <translation>无周转箱：放入拣货车的散件筐</translation>
    </message>
    <message>
        <source>{order} · open bin, 1 unit</source>
        <translation>{order} · 散件筐，1 件</translation>
    </message>
    <message>
        <source>Scan each tote as you put it on the cart (any free tote will do).</source>
        <translation>把每个周转箱放上拣货车时扫描它（任何空闲周转箱都可以）。</translation>
    </message>
    <message>
        <source>Or press F6 to take the suggested totes.</source>
        <translation>或按 F6 直接采用建议的周转箱。</translation>
    </message>
    <message>
        <source>{code} · all stops done · {k} of {n} totes dropped off</source>
        <translation>{code} · 所有拣货点已完成 · 已交接 {k}/{n} 个周转箱</translation>
    </message>
    <message>
        <source>Take the totes to the packing drop-off.</source>
        <translation>请把周转箱送到打包交接区。</translation>
    </message>
    <message>
        <source>Scan each tote as you leave it there.</source>
        <translation>放下每个周转箱时扫描它。</translation>
    </message>
    <message>
        <source>scan location</source>
        <translation>扫库位</translation>
    </message>
    <message>
        <source>totes onto the cart</source>
        <translation>周转箱上车</translation>
    </message>
    <message>
        <source>scan item</source>
        <translation>扫商品</translation>
    </message>
    <message>
        <source>scan or key count</source>
        <translation>扫描或输入数量</translation>
    </message>
    <message>
        <source>scan the tote</source>
        <translation>扫描周转箱</translation>
    </message>
    <message>
        <source>drop off the totes</source>
        <translation>交接周转箱</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Wait a moment…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <source>Press Next batch first</source>
        <translation>请先按“下一批”</translation>
    </message>
    <message>
        <source>Checking the tote, wait…</source>
        <translation>正在核对周转箱，请稍候…</translation>
    </message>
    <message>
        <source>Re-planning the route, wait…</source>
        <translation>正在重新规划路线，请稍候…</translation>
    </message>
    <message>
        <source>Location OK — scan the item</source>
        <translation>库位正确，请扫描商品</translation>
    </message>
    <message>
        <source>You are at {loc} — scan the item</source>
        <translation>已在库位 {loc}，请扫描商品</translation>
    </message>
    <message>
        <source>{k} of {n} — scan the next unit or key the count</source>
        <translation>已拣 {k}/{n}，继续扫描或输入数量</translation>
    </message>
    <message>
        <source>All {n} in hand — put them into tote {tote} and scan the tote</source>
        <translation>{n} 件已全部在手 — 请放入周转箱 {tote} 并扫描该周转箱</translation>
    </message>
    <message>
        <source>Tote {tote} is on the cart ({k} of {n}) — scan the next</source>
        <translation>周转箱 {tote} 已上车（{k}/{n}）— 请扫描下一个</translation>
    </message>
    <message numerus="yes">
        <source>All %n tote(s) on the cart — go to the first location</source>
        <translation>
            <numerusform>%n 个周转箱已上车 — 请前往第一个库位</numerusform>
        </translation>
    </message>
    <message>
        <source>Tote {tote} dropped off ({k} of {n}) — scan the next</source>
        <translation>周转箱 {tote} 已交接（{k}/{n}）— 请扫描下一个</translation>
    </message>
    <message>
        <source>Batch {code} done</source>
        <translation>批次 {code} 已完成</translation>
    </message>
    <message>
        <source>Open bin to the single-item packing lane: {orders}</source>
        <translation>散件筐送到单件打包线：{orders}</translation>
    </message>
    <message>
        <source>Tote {tote}: checking it is free…</source>
        <translation>周转箱 {tote}：正在核对是否空闲…</translation>
    </message>
    <message>
        <source>Tote {tote} is on the cart instead of {old} ({k} of {n}) — scan the next</source>
        <translation>周转箱 {tote} 已代替 {old} 放上拣货车（{k}/{n}）— 请扫描下一个</translation>
    </message>
    <message numerus="yes">
        <source>Tote {tote} is on the cart instead of {old}. All %n tote(s) on the cart — go to the first location</source>
        <translation>
            <numerusform>周转箱 {tote} 已代替 {old}。全部 %n 个周转箱已在拣货车上 — 请前往第一个库位</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch {code}: every tote is at packing. Well done.</source>
        <translation>批次 {code}：所有周转箱已送达打包区。辛苦了。</translation>
    </message>
    <message>
        <source>Batch {code} done — totes at packing</source>
        <translation>批次 {code} 完成，周转箱已送达打包区</translation>
    </message>
    <message>
        <source>{qty} × {product} → tote {tote}. Next: {loc}</source>
        <translation>{qty} × {product} → 周转箱 {tote}。下一站：{loc}</translation>
    </message>
    <message>
        <source>{qty} × {product} → tote {tote}. Batch complete — take the totes to packing.</source>
        <translation>{qty} × {product} → 周转箱 {tote}。本批完成，请送往打包台。</translation>
    </message>
    <message>
        <source>Scan each tote at the drop-off: {totes}</source>
        <translation>请在交接区逐个扫描周转箱：{totes}</translation>
    </message>
    <message>
        <source>This batch now belongs to {who}; your last stop is being checked.</source>
        <translation>本批次已转给 {who}，正在核对您的最后一站。</translation>
    </message>
    <message>
        <source>Batch {code} recorded — take the totes to packing</source>
        <translation>批次 {code} 已记录 — 请把周转箱送往打包区</translation>
    </message>
    <message>
        <source>Short reported at {loc} — re-planning…</source>
        <translation>已上报 {loc} 缺货，正在重新规划…</translation>
    </message>
    <message numerus="yes">
        <source>Take the missing %n unit(s) from {where} — route re-planned.</source>
        <translation>
            <numerusform>缺少的 %n 件改从 {where} 拣取，路线已重新规划。</numerusform>
        </translation>
    </message>
    <message>
        <source>No other stock: order {order} is held for the supervisor; its other stops are removed.</source>
        <translation>无其他库存：订单 {order} 已挂起交主管处理，其余拣货点已移除。</translation>
    </message>
    <message>
        <source>Short recorded</source>
        <translation>缺货已记录</translation>
    </message>
    <message>
        <source>Route re-planned</source>
        <translation>路线已重新规划</translation>
    </message>
    <message>
        <source>Order {order} held</source>
        <translation>订单 {order} 已挂起</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n confirmed action(s) kept on this station, sent when the database is back</source>
        <translation>
            <numerusform>离线：%n 个已确认操作保存在本机，恢复连接后自动上传</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved yet — retrying… ({error})</source>
        <translation>尚未保存，正在重试…（{error}）</translation>
    </message>
    <message>
        <source>Sent to the supervisor as a conflict</source>
        <translation>已作为冲突提交主管</translation>
    </message>
    <message>
        <source>Batch {code} was changed by the supervisor; the list updates after this stop.</source>
        <translation>主管已调整批次 {code}，完成当前拣货点后更新。</translation>
    </message>
    <message>
        <source>Batch {code} was reassigned to {who}. Finish this stop; then you go back to Next batch.</source>
        <translation>批次 {code} 已转给 {who}。请完成当前拣货点，之后返回“下一批”。</translation>
    </message>
    <message>
        <source>Batch {code} was assigned to you; it comes after this one.</source>
        <translation>批次 {code} 已分配给您，完成当前批次后开始。</translation>
    </message>
    <message>
        <source>Order {order} was cancelled.</source>
        <translation>订单 {order} 已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s) of it taken off your route.</source>
        <translation>
            <numerusform>已从您的路线中移除它的 %n 个拣货点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tote {totes}: cancelled — do not pack.</source>
        <translation>周转箱 {totes}：已取消——请勿打包。</translation>
    </message>
    <message>
        <source>Leave it at the drop-off as marked.</source>
        <translation>请按标记留在投放区。</translation>
    </message>
    <message numerus="yes">
        <source>Put the %n unit(s) in your hand back at {loc}.</source>
        <translation>
            <numerusform>请把手中的 %n 件商品放回 {loc}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch {code} was reassigned to {who}. Leave its totes at the cart.</source>
        <translation>批次 {code} 已转给 {who}。请将周转箱留在推车上。</translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <source>No route</source>
        <translation>无路线</translation>
    </message>
    <message>
        <source>Depot</source>
        <translation>出发点</translation>
    </message>
</context>
<context>
    <name>ShortPickDialog</name>
    <message>
        <source>Short / empty bin</source>
        <translation>缺货 / 空库位</translation>
    </message>
    <message>
        <source>{location}
{product}

How many did you find? (0 = empty bin)</source>
        <translation>{location}
{product}

实际找到几件？（0 = 空库位）</translation>
    </message>
    <message>
        <source>Report short</source>
        <translation>上报缺货</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StopsModel</name>
    <message>
        <source>To pick</source>
        <translation>待拣</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
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
        <source>Lot · Expiry</source>
        <translation>批号 · 到期</translation>
    </message>
    <message>
        <source>Tote</source>
        <translation>周转箱</translation>
    </message>
</context>
</TS>
