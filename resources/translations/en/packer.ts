<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CarrierPanel</name>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Change carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier and service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why another carrier?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this carrier (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverridePanel</name>
    <message>
        <source>Supervisor override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the badge or type the login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (not with a badge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both the supervisor and a reason are needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackChecklistTable</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot / expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fragile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackerWorkspace</name>
    <message>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expedited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a tote or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting picked orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scale? Type the grams and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-weigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close parcel, start the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print labels + slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Picked, waiting to pack: %n order(s)</source>
        <translation>
            <numerusform>Picked, waiting to pack: %n order</numerusform>
            <numerusform>Picked, waiting to pack: %n orders</numerusform>
        </translation>
    </message>
    <message>
        <source>Badge read: now give the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a tote, an order or an item here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finish this parcel first: %n unit(s) in it.</source>
        <translation>
            <numerusform>Finish this parcel first: %n unit is in it.</numerusform>
            <numerusform>Finish this parcel first: %n units are in it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tote {code}: opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {code}: opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Order {order}: scan each of the %n unit(s).</source>
        <translation>
            <numerusform>Order {order}: scan its %n unit.</numerusform>
            <numerusform>Order {order}: scan each of the %n units.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan a tote or order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale: {weight}, but nothing is in the parcel yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the weight in grams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the parcel on the scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override by {who}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept here: the labels print when
the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{seq} kept here · waits for the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parcel is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not weighed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan each item into the parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the parcel on the scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight off: check the parcel, re-weigh (F5) or ask a supervisor (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier takes this parcel: change carrier (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this parcel (F8) and pack the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighed: print the labels (F9) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed: mend the printer, then F9 prints it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels on the parcels: scan the next tote or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels kept here: the labels print when the database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a barcode. Grams go in the weight field: press Enter there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This order&apos;s %n kept parcel(s) wait for the database: their labels print first.</source>
        <translation>
            <numerusform>This order&apos;s %n kept parcel waits for the database: its label prints first.</numerusform>
            <numerusform>This order&apos;s %n kept parcels wait for the database: their labels print first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Order {order}: %n unit(s) already in the parcel, as the last packer left it.</source>
        <translation>
            <numerusform>Order {order}: %n unit already in the parcel, as the last packer left it.</numerusform>
            <numerusform>Order {order}: %n units already in the parcel, as the last packer left it.</numerusform>
        </translation>
    </message>
    <message>
        <source>{who} left order {order} half-packed ({tote}): carry on where they stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out mid-pack?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Order {order} has %n unit(s) in its open parcel. Sign out and keep them (and the weight) for the next packer at this station?</source>
        <translation>
            <numerusform>Order {order} has %n unit in its open parcel. Sign out and keep them (and the weight) for the next packer at this station?</numerusform>
            <numerusform>Order {order} has %n units in its open parcel. Sign out and keep them (and the weight) for the next packer at this station?</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out, keep the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order on the bench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash on delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All parcels closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}% full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bubble wrap · fill the gaps · FRAGILE sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {expected} · not weighed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {expected} · measured {measured}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: {difference} g, within ±{tolerance} g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{difference} g heavier than expected (±{tolerance} g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{difference} g lighter than expected (±{tolerance} g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan units into the parcel, then weigh it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier can take this parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by the packer: {reason} (the rules chose {carrier} · {service})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>#{seq} {code} · {carton} · %n unit(s) · {weight} · {tracking}</source>
        <translation>
            <numerusform>#{seq} {code} · {carton} · %n unit · {weight} · {tracking}</numerusform>
            <numerusform>#{seq} {code} · {carton} · %n units · {weight} · {tracking}</numerusform>
        </translation>
    </message>
    <message>
        <source>#{seq} open: {packed} in it, {missing} to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift order: put in the gift card, leave out the price list and invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing fits one carton: use {carton} and split into more parcels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragile: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest: {cost}, {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest within {limit} ({priority}): {cost}, {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No service arrives within {limit}: the fastest takes {days}, {cost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{carrier}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline: %n parcel(s) kept here; labels print later.</source>
        <translation>
            <numerusform>Offline: %n parcel kept here; its label prints later.</numerusform>
            <numerusform>Offline: %n parcels kept here; their labels print later.</numerusform>
        </translation>
    </message>
    <message>
        <source>Parcel {seq} closed: {code} · {tracking}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel {seq} closed: {code} · waiting for the carrier&apos;s waybill number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer set up: File → Settings → Label printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing again what failed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels printed: put them on the parcels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing slip: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {code}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed, the supervisors are told: {error}
Mend the printer, then press F9 to print what failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled — do not pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} was cancelled. Put the units back: {units}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PutWallPanel</name>
    <message>
        <source>Scan a picked put-wall cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a unit first, then its slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cart %1: %2 slots, %3 units to sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put it into %1, then scan the slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot %1 is full: order %2 is ready to pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wall&apos;s lights did not answer; follow the screen. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
