<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PickerWorkspace</name>
    <message>
        <source>Counting ready orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a cart, press Next batch, then scan: location → item → quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short / empty bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the suggested totes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ready to pick: %n order(s)</source>
        <translation>
            <numerusform>Ready to pick: %n order</numerusform>
            <numerusform>Ready to pick: %n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch {code} is waiting for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning your batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Batch {code}: %n stop(s), {m} m. Put its totes on the cart and scan each (F6: take the suggested ones).</source>
        <translation>
            <numerusform>Batch {code}: %n stop, {m} m. Put its totes on the cart and scan each (F6: take the suggested ones).</numerusform>
            <numerusform>Batch {code}: %n stops, {m} m. Put its totes on the cart and scan each (F6: take the suggested ones).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch {code}: %n stop(s), {m} m. Go to the first location.</source>
        <translation>
            <numerusform>Batch {code}: %n stop, {m} m. Go to the first location.</numerusform>
            <numerusform>Batch {code}: %n stops, {m} m. Go to the first location.</numerusform>
        </translation>
    </message>
    <message>
        <source>Orders: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} · all stops done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · stop {n} of {total} · {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {n}   in hand {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot}   expires {exp}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into tote {tote} — scan the tote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into tote {tote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order} · open bin, 1 unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled — do not pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · the cart · {k} of {n} totes on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totes onto the cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tote: into the cart&apos;s open bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan each tote as you put it on the cart (any free tote will do).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or press F6 to take the suggested totes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} · all stops done · {k} of {n} totes dropped off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the totes to the packing drop-off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan each tote as you leave it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>totes onto the cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan or key count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan the tote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop off the totes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Next batch first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the tote, wait…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-planning the route, wait…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location OK — scan the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are at {loc} — scan the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{k} of {n} — scan the next unit or key the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {n} in hand — put them into tote {tote} and scan the tote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote {tote} is on the cart ({k} of {n}) — scan the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n tote(s) on the cart — go to the first location</source>
        <translation>
            <numerusform>The tote is on the cart — go to the first location</numerusform>
            <numerusform>All %n totes on the cart — go to the first location</numerusform>
        </translation>
    </message>
    <message>
        <source>Tote {tote} dropped off ({k} of {n}) — scan the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bin to the single-item packing lane: {orders}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote {tote}: checking it is free…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote {tote} is on the cart instead of {old} ({k} of {n}) — scan the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tote {tote} is on the cart instead of {old}. All %n tote(s) on the cart — go to the first location</source>
        <translation>
            <numerusform>Tote {tote} is on the cart instead of {old}. The tote is on the cart — go to the first location</numerusform>
            <numerusform>Tote {tote} is on the cart instead of {old}. All %n totes on the cart — go to the first location</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch {code}: every tote is at packing. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} done — totes at packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {product} → tote {tote}. Next: {loc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{qty} × {product} → tote {tote}. Batch complete — take the totes to packing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan each tote at the drop-off: {totes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This batch now belongs to {who}; your last stop is being checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} recorded — take the totes to packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short reported at {loc} — re-planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Take the missing %n unit(s) from {where} — route re-planned.</source>
        <translation>
            <numerusform>Take the missing %n unit from {where} — route re-planned.</numerusform>
            <numerusform>Take the missing %n units from {where} — route re-planned.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other stock: order {order} is held for the supervisor; its other stops are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route re-planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} held</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n confirmed action(s) kept on this station, sent when the database is back</source>
        <translation>
            <numerusform>Offline: %n confirmed action kept on this station, sent when the database is back</numerusform>
            <numerusform>Offline: %n confirmed actions kept on this station, sent when the database is back</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved yet — retrying… ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the supervisor as a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was changed by the supervisor; the list updates after this stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was reassigned to {who}. Finish this stop; then you go back to Next batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch {code} was assigned to you; it comes after this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s) of it taken off your route.</source>
        <translation>
            <numerusform>%n stop of it taken off your route.</numerusform>
            <numerusform>%n stops of it taken off your route.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tote {totes}: cancelled — do not pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it at the drop-off as marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Put the %n unit(s) in your hand back at {loc}.</source>
        <translation>
            <numerusform>Put the %n unit in your hand back at {loc}.</numerusform>
            <numerusform>Put the %n units in your hand back at {loc}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch {code} was reassigned to {who}. Leave its totes at the cart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <source>No route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortPickDialog</name>
    <message>
        <source>Short / empty bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location}
{product}

How many did you find? (0 = empty bin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopsModel</name>
    <message>
        <source>To pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
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
        <source>Lot · Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
