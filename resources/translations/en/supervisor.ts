<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPanel</name>
    <message>
        <source>Search: order, batch, action, reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the fields of an audit entry</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsolePeoplePanel</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last seen {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {time} ({n} wrong PINs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking is an administrator&apos;s: ask one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {signed_in} · locked out: {locked}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose someone who is locked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} can sign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionsModel</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionsPanel</name>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an exception.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substitute SKU or GTIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s consent: how, when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything intake found wrong with this order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipment&apos;s story:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an exception first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{id}: “{decision}” recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer not asked: no SMS or e-mail can reach them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer asked to complete the address by {channel}: sent {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the customer by {channel} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer to be asked by {channel}: queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sku} short by {qty} at {location} (batch {batch}, {picker})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count {count}, round {round}, by {counter}: {bins}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {bin} {sku} {lot}: record {expected}, counted {counted} ({variance:+d})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {expected}, weighed {measured} (±{tolerance})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled for {carrier} on {day}, not handed over ({tracking})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print job {job} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return {rma}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insurance claim filed for {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after packing: stop {numbers} at the cage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped, carrier asked to intercept {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} at {station}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest stage: &lt;b&gt;{stage}&lt;/b&gt; (mean {mean} h, p90 {p90} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest in the warehouse: &lt;b&gt;{stage}&lt;/b&gt; (mean {mean} h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders moved in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders received: {n} ({per_hour} an hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA kept: {rate} ({kept} of {shipped})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Short picks: %n event(s); short-pick exceptions raised in the period: {x}</source>
        <translation>
            <numerusform>Short picks: %n event; short-pick exceptions raised in the period: {x}</numerusform>
            <numerusform>Short picks: %n events; short-pick exceptions raised in the period: {x}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Satisfaction: {score} of 5 (%n answer(s))</source>
        <translation>
            <numerusform>Satisfaction: {score} of 5 (%n answer)</numerusform>
            <numerusform>Satisfaction: {score} of 5 (%n answers)</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per stage — slowest: {stage}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick rate and errors per picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns by reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction by category — {score} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exped.</source>
        <comment>short for the priority class Expedited</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last seen {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickers and their batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picker with a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} reassigned to {who}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FoundModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Hand-over to the carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>On the {carrier} cage: %n parcel(s)</source>
        <translation>
            <numerusform>On the {carrier} cage: %n parcel</numerusform>
            <numerusform>On the {carrier} cage: %n parcels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Not on a manifest: %n parcel(s)</source>
        <translation>
            <numerusform>⚠ Not on a manifest: %n parcel</numerusform>
            <numerusform>⚠ Not on a manifest: %n parcels</numerusform>
        </translation>
    </message>
    <message>
        <source>{parcel} is on {manifest} ({n} on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{no} closed: %n parcel(s); orders shipped: {o}</source>
        <translation>
            <numerusform>{no} closed: %n parcel; orders shipped: {o}</numerusform>
            <numerusform>{no} closed: %n parcels; orders shipped: {o}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n labelled parcel(s) not on it</source>
        <translation>
            <numerusform>⚠ %n labelled parcel is not on it</numerusform>
            <numerusform>⚠ %n labelled parcels are not on it</numerusform>
        </translation>
    </message>
    <message>
        <source>Export manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ship by {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{picker}, batch {batch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged ({count} orders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split ({count} shipments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ships as one with {orders} ({group})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also ships from another warehouse as {orders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split off {order}: shipped when all its shipments are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h}h{m}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an order: number, tracking number, SKU or tel:1234 (the phone&apos;s last four digits), then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tel:1234 finds the orders whose phone ends in 1234; four digits alone search the order numbers too. Phones are shown masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intercept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order found for “{term}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found the first {n} orders for “{term}”: narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found %n order(s) for “{term}”.</source>
        <translation>
            <numerusform>Found %n order for “{term}”.</numerusform>
            <numerusform>Found %n orders for “{term}”.</numerusform>
        </translation>
    </message>
    <message>
        <source>On hold: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} released: now {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} is on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} is now {priority}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} reassigned to {who} (batch {batch})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no} reassigned to {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer set up: File → Settings → Label printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{no}: %n label(s) sent to the printer again</source>
        <translation>
            <numerusform>{no}: %n label sent to the printer again</numerusform>
            <numerusform>{no}: %n labels sent to the printer again</numerusform>
        </translation>
    </message>
    <message>
        <source>{no}: label(s) {numbers} voided; the parcels wait for new numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no}: the carrier was asked to intercept {numbers}; an exception is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no}: this carrier takes no intercept call: phone it; an exception is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient of {no} opened (recorded in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnCheckName</name>
    <message>
        <source>Unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaging intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnCheckShort</name>
    <message>
        <source>unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boxed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPanel</name>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the RMA, parcel or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a returned parcel to receive it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the shelf to restock to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund amount, ¥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{rma}&lt;/b&gt; · order {order} ({order_status}) · {reason} · &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled: refunded {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled: {resolution}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {n}: {decision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the refund amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockPanel</name>
    <message>
        <source>Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replenishment requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export replenishment requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) written to {file}</source>
        <translation>
            <numerusform>%n request written to {file}</numerusform>
            <numerusform>%n requests written to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisorWorkspace</name>
    <message>
        <source>Run intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not updated: the central database cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Intake: %n order(s) processed — {ready} ready, {held} held, {backordered} backordered, {skipped} skipped, {failed} failed</source>
        <translation>
            <numerusform>Intake: %n order processed — {ready} ready, {held} held, {backordered} backordered, {skipped} skipped, {failed} failed</numerusform>
            <numerusform>Intake: %n orders processed — {ready} ready, {held} held, {backordered} backordered, {skipped} skipped, {failed} failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WavesPanel</name>
    <message>
        <source>Multi-order carts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-SKU (bestsellers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warehouse to release a wave in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wave {code}: {orders} orders in {carts} carts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
