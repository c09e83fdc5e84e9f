<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
