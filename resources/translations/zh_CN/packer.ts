<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CarrierPanel</name>
    <message>
        <source>Standard</source>
        <translation>标准快递</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>特快</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Change carrier</source>
        <translation>更换承运商</translation>
    </message>
    <message>
        <source>Carrier and service</source>
        <translation>承运商和服务</translation>
    </message>
    <message>
        <source>Why another carrier?</source>
        <translation>更换承运商的原因</translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation>原因（会被记录）</translation>
    </message>
    <message>
        <source>Use this carrier (Enter)</source>
        <translation>使用此承运商 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>OverridePanel</name>
    <message>
        <source>Supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>Scan the badge or type the login</source>
        <translation>扫工牌或输入用户名</translation>
    </message>
    <message>
        <source>PIN (not with a badge)</source>
        <translation>PIN 码（扫工牌时不需要）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Both the supervisor and a reason are needed.</source>
        <translation>需要主管和原因。</translation>
    </message>
</context>
<context>
    <name>PackChecklistTable</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Lot / expiry</source>
        <translation>批号 / 效期</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应装</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>已扫</translation>
    </message>
    <message>
        <source>any lot</source>
        <translation>任意批号</translation>
    </message>
    <message>
        <source>fragile</source>
        <translation>易碎</translation>
    </message>
</context>
<context>
    <name>PackerWorkspace</name>
    <message>
        <source>urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>expedited</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Scan a tote or order</source>
        <translation>请扫描周转箱或订单</translation>
    </message>
    <message>
        <source>Counting picked orders…</source>
        <translation>正在统计已拣货订单…</translation>
    </message>
    <message>
        <source>Carton</source>
        <translation>纸箱</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>No scale? Type the grams and press Enter</source>
        <translation>无秤：输入克数后回车</translation>
    </message>
    <message>
        <source>Re-weigh</source>
        <translation>重新称重</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Change carrier…</source>
        <translation>更换承运商…</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Close parcel, start the next</source>
        <translation>封箱并开始下一箱</translation>
    </message>
    <message>
        <source>Print labels + slip</source>
        <translation>打印面单和装箱单</translation>
    </message>
    <message numerus="yes">
        <source>Picked, waiting to pack: %n order(s)</source>
        <translation>
            <numerusform>已拣货待打包：%n 单</numerusform>
        </translation>
    </message>
    <message>
        <source>Badge read: now give the reason.</source>
        <translation>已读取工牌：请填写原因。</translation>
    </message>
    <message>
        <source>Scan a tote, an order or an item here.</source>
        <translation>此处请扫描周转箱、订单或商品。</translation>
    </message>
    <message numerus="yes">
        <source>Finish this parcel first: %n unit(s) in it.</source>
        <translation>
            <numerusform>请先完成当前包裹：已装 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tote {code}: opening…</source>
        <translation>周转箱 {code}：正在打开…</translation>
    </message>
    <message>
        <source>Order {code}: opening…</source>
        <translation>订单 {code}：正在打开…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message numerus="yes">
        <source>Order {order}: scan each of the %n unit(s).</source>
        <translation>
            <numerusform>订单 {order}：请逐件扫描 %n 件商品。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan a tote or order first.</source>
        <translation>请先扫描周转箱或订单。</translation>
    </message>
    <message>
        <source>Scale: {weight}, but nothing is in the parcel yet.</source>
        <translation>秤：{weight}，但包裹内还没有商品。</translation>
    </message>
    <message>
        <source>Type the weight in grams.</source>
        <translation>请输入克数。</translation>
    </message>
    <message>
        <source>Put the parcel on the scale.</source>
        <translation>请把包裹放到秤上。</translation>
    </message>
    <message>
        <source>Override by {who}: {why}</source>
        <translation>{who} 已放行：{why}</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>没有订单</translation>
    </message>
    <message>
        <source>The parcel is empty</source>
        <translation>包裹为空</translation>
    </message>
    <message>
        <source>Not weighed</source>
        <translation>未称重</translation>
    </message>
    <message>
        <source>Weight mismatch</source>
        <translation>重量不符</translation>
    </message>
    <message>
        <source>No carrier</source>
        <translation>无承运商</translation>
    </message>
    <message>
        <source>Scan each item into the parcel</source>
        <translation>逐件扫描商品装箱</translation>
    </message>
    <message>
        <source>Put the parcel on the scale</source>
        <translation>把包裹放到秤上</translation>
    </message>
    <message>
        <source>Weight off: check the parcel, re-weigh (F5) or ask a supervisor (F6)</source>
        <translation>重量不符：检查包裹，重新称重（F5）或请主管处理（F6）</translation>
    </message>
    <message>
        <source>No carrier takes this parcel: change carrier (F7)</source>
        <translation>没有承运商能接此包裹：更换承运商（F7）</translation>
    </message>
    <message>
        <source>Close this parcel (F8) and pack the next</source>
        <translation>封箱（F8），再打包下一箱</translation>
    </message>
    <message>
        <source>Weighed: print the labels (F9) →</source>
        <translation>已称重：打印面单（F9）→</translation>
    </message>
    <message>
        <source>Printing the labels…</source>
        <translation>正在打印面单…</translation>
    </message>
    <message>
        <source>Printing failed: mend the printer, then F9 prints it again</source>
        <translation>打印失败：修好打印机后按 F9 重新打印</translation>
    </message>
    <message>
        <source>Labels on the parcels: scan the next tote or order</source>
        <translation>贴好面单：扫描下一个周转箱或订单</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <source>Parcels kept here: the labels print when the database is back</source>
        <translation>包裹已保存在本机：数据库恢复后打印面单</translation>
    </message>
    <message>
        <source>Scan items</source>
        <translation>扫描商品</translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation>称重</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一单</translation>
    </message>
    <message>
        <source>{text} is not a barcode. Grams go in the weight field: press Enter there.</source>
        <translation>{text} 不是条码。克数请填在重量栏，并在那里按回车。</translation>
    </message>
    <message numerus="yes">
        <source>This order&apos;s %n kept parcel(s) wait for the database: their labels print first.</source>
        <translation>
            <numerusform>本订单有 %n 个包裹暂存在本工作站，正等待数据库：请先打印它们的面单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Order {order}: %n unit(s) already in the parcel, as the last packer left it.</source>
        <translation>
            <numerusform>订单 {order}：包裹中已有 %n 件，保持上一位打包员离开时的状态。</numerusform>
        </translation>
    </message>
    <message>
        <source>{who} left order {order} half-packed ({tote}): carry on where they stopped.</source>
        <translation>{who} 留下了打包到一半的订单 {order}（{tote}）：请从中断处继续。</translation>
    </message>
    <message>
        <source>Sign out mid-pack?</source>
        <translation>打包中途退出登录？</translation>
    </message>
    <message numerus="yes">
        <source>Order {order} has %n unit(s) in its open parcel. Sign out and keep them (and the weight) for the next packer at this station?</source>
        <translation>
            <numerusform>订单 {order} 的当前包裹中已有 %n 件。退出登录并为本工位的下一位打包员保留这些商品（及称重）吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out, keep the work</source>
        <translation>退出登录，保留进度</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>保持登录</translation>
    </message>
    <message>
        <source>No order on the bench.</source>
        <translation>工作台上没有订单。</translation>
    </message>
    <message>
        <source>gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>All parcels closed</source>
        <translation>所有包裹已封箱</translation>
    </message>
    <message>
        <source>{percent}% full</source>
        <translation>装满 {percent}%</translation>
    </message>
    <message>
        <source>Bubble wrap · fill the gaps · FRAGILE sticker</source>
        <translation>气泡膜包裹 · 填满空隙 · 贴易碎标签</translation>
    </message>
    <message>
        <source>Expected {expected} · not weighed yet</source>
        <translation>预期 {expected} · 尚未称重</translation>
    </message>
    <message>
        <source>Expected {expected} · measured {measured}</source>
        <translation>预期 {expected} · 实测 {measured}</translation>
    </message>
    <message>
        <source>OK: {difference} g, within ±{tolerance} g</source>
        <translation>重量正确：{difference} 克，在 ±{tolerance} 克以内</translation>
    </message>
    <message>
        <source>{difference} g heavier than expected (±{tolerance} g)</source>
        <translation>比预期偏重 {difference} 克（允差 ±{tolerance} 克）</translation>
    </message>
    <message>
        <source>{difference} g lighter than expected (±{tolerance} g)</source>
        <translation>比预期偏轻 {difference} 克（允差 ±{tolerance} 克）</translation>
    </message>
    <message>
        <source>Kept here: the labels print when
the database is back.</source>
        <translation>已暂存本站：数据库恢复后
即打印面单。</translation>
    </message>
    <message>
        <source>Scan units into the parcel, then weigh it.</source>
        <translation>先扫描装箱，再称重。</translation>
    </message>
    <message>
        <source>No carrier can take this parcel.</source>
        <translation>没有承运商可承运此包裹。</translation>
    </message>
    <message>
        <source>Changed by the packer: {reason} (the rules chose {carrier} · {service})</source>
        <translation>打包员已更换：{reason}（规则选择 {carrier} · {service}）</translation>
    </message>
    <message numerus="yes">
        <source>#{seq} {code} · {carton} · %n unit(s) · {weight} · {tracking}</source>
        <translation>
            <numerusform>第 {seq} 箱 {code} · {carton} · %n 件 · {weight} · {tracking}</numerusform>
        </translation>
    </message>
    <message>
        <source>#{seq} kept here · waits for the database</source>
        <translation>第 {seq} 箱暂存本站 · 等待数据库</translation>
    </message>
    <message>
        <source>#{seq} open: {packed} in it, {missing} to scan</source>
        <translation>第 {seq} 箱：已装 {packed} 件，还差 {missing} 件</translation>
    </message>
    <message>
        <source>Gift order: put in the gift card, leave out the price list and invoice.</source>
        <translation>礼品订单：放入贺卡，不要放价目单和发票。</translation>
    </message>
    <message>
        <source>Nothing fits one carton: use {carton} and split into more parcels.</source>
        <translation>单个纸箱装不下：请用 {carton} 并分成多个包裹。</translation>
    </message>
    <message>
        <source>Fragile: {names}</source>
        <translation>易碎品：{names}</translation>
    </message>
    <message>
        <source>Cheapest: {cost}, {days}</source>
        <translation>最便宜：{cost}，{days}</translation>
    </message>
    <message>
        <source>Cheapest within {limit} ({priority}): {cost}, {days}</source>
        <translation>最便宜（{priority}，{limit}内）：{cost}，{days}</translation>
    </message>
    <message>
        <source>No service arrives within {limit}: the fastest takes {days}, {cost}</source>
        <translation>没有{limit}内送达的服务：最快 {days}，{cost}</translation>
    </message>
    <message>
        <source>{carrier}: {why}</source>
        <translation>{carrier}：{why}</translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n parcel(s) kept here; labels print later.</source>
        <translation>
            <numerusform>离线：%n 个包裹已暂存本站，面单稍后打印。</numerusform>
        </translation>
    </message>
    <message>
        <source>Parcel {seq} closed: {code} · {tracking}</source>
        <translation>第 {seq} 箱已封：{code} · {tracking}</translation>
    </message>
    <message>
        <source>Parcel {seq} closed: {code} · waiting for the carrier&apos;s waybill number</source>
        <translation>第 {seq} 个包裹已封箱：{code} · 正在等待承运商分配运单号</translation>
    </message>
    <message>
        <source>No printer set up: File → Settings → Label printer.</source>
        <translation>未设置打印机：文件 → 设置 → 标签打印机。</translation>
    </message>
    <message>
        <source>Printing again what failed…</source>
        <translation>正在重新打印失败的单据…</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <source>Labels printed: put them on the parcels.</source>
        <translation>面单已打印：请贴到包裹上。</translation>
    </message>
    <message>
        <source>Packing slip: {state}</source>
        <translation>装箱单：{state}</translation>
    </message>
    <message>
        <source>Label {code}: {state}</source>
        <translation>面单 {code}：{state}</translation>
    </message>
    <message>
        <source>Printing failed, the supervisors are told: {error}
Mend the printer, then press F9 to print what failed.</source>
        <translation>打印失败，已通知主管：{error}
修好打印机后，按 F9 重新打印失败的单据。</translation>
    </message>
    <message>
        <source>Cancelled — do not pack</source>
        <translation>已取消——请勿打包</translation>
    </message>
    <message>
        <source>Order {order} was cancelled. Put the units back: {units}</source>
        <translation>订单 {order} 已取消。请把商品放回：{units}</translation>
    </message>
</context>
<context>
    <name>PutWallPanel</name>
    <message>
        <source>Scan a picked put-wall cart</source>
        <translation>扫描已拣完的播种墙批次</translation>
    </message>
    <message>
        <source>Scan a unit first, then its slot.</source>
        <translation>请先扫描商品，再扫描格口。</translation>
    </message>
    <message>
        <source>Cart %1: %2 slots, %3 units to sort</source>
        <translation>批次 %1：%2 个格口，待分播 %3 件</translation>
    </message>
    <message>
        <source>Scan a unit</source>
        <translation>扫描商品</translation>
    </message>
    <message>
        <source>ready to pack</source>
        <translation>可打包</translation>
    </message>
    <message>
        <source>Put it into %1, then scan the slot</source>
        <translation>放入 %1，然后扫描格口</translation>
    </message>
    <message>
        <source>Slot %1 is full: order %2 is ready to pack</source>
        <translation>格口 %1 已满：订单 %2 可打包</translation>
    </message>
    <message>
        <source>The wall&apos;s lights did not answer; follow the screen. (%1)</source>
        <translation>播种墙灯光无响应，请按屏幕操作。（%1）</translation>
    </message>
</context>
</TS>
