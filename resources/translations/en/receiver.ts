<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CountsTab</name>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a count or scan its label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key the count of the last item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bin {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cycle count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: scan each bin — {bins} — then what it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not an open count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a count first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin {code} — scan what it holds (nothing: scan the next bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} counted — scan the next unit or key the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a bin or an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the item first, then key its count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} recorded: {n} lines, {a} adjusted, {w} sent to a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} recorded: {n} lines, {a} adjusted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiverWorkspace</name>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replenishment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the notice number on the delivery note to start receiving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units (blank: as scanned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put away now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan an item waiting at the dock, then the bin you put it into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide on the last scan first: accept, quarantine or refuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not an expected notice. Scan the notice number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the items: GS1 code with lot and expiry, or the product barcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not on the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {sku} received ({got} of {expected})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide: accept, quarantine or refuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {sku}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units go down at {dock}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {sku} {decision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice {code} closed: {a} accepted into {dock}, {q} quarantined, {r} refused, {s} short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short-dated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item does not wait at a dock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {sku}: put into {bin} and scan the bin (or another bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the item first, then the bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the item, then the bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {sku} put away into {bin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backordered orders released: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task or scan its label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units moved (Enter: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for low pick faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} new tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {qty} × {sku} from {src} to {dst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the reserve bin {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the item {sku}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (lot {lot})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key the units you take (up to {n}), Enter for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the pick face {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not an open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong bin: take the units from {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin OK — scan the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item: this task moves {sku}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong lot {got}: this task moves lot {lot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item OK — key the units, or Enter for {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong pick face: put the units into {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key the units first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between 1 and {n} units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} units — scan the pick face {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {sku} now at {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders released: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransfersOutTab</name>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the transfer number (TRF-…) or double-click a transfer to walk it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transfer open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin</source>
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
        <source>This bin is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End short…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send and print the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send what was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep walking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {qty} × {sku} from {src} to {dst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk resumed: {n} of {qty} taken already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} open: go to the first bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a transfer number to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken: {n} of {qty} · still to take: {rest} — the bins ahead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {qty} taken: press Send and print the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bin left holds more: {n} of {qty} taken. End short to send them; the other {rest} stay requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {bin} and scan the bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the item {sku}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (lot {lot})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key the units you take from {bin} (Enter: {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units (Enter: {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait: the last stop is being saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a transfer number (TRF-…) first, or double-click a transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is taken: press Send and print the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin {bin} OK — scan the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item OK — key the units, or Enter for {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} taken — all {qty} taken: press Send and print the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} taken — no bin left for the other {rest}: end short to send what was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bin short: {n} taken — the other {rest} are asked of {bin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} taken — next: {bin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send {code} short: {n} of {qty} now? The other {rest} stay requested as a new transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending short: confirm or keep walking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} sent: {qty} × {sku} to {dst} — notice {asn}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other {n} stay requested as {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label sent to the printer: stick it on the goods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label did not print: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer set up: File → Settings → Label printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} sent — scan the next transfer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
