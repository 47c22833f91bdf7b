## Shift handover
handover-title = 🌅 <b>Handover</b> ({ $at }): { $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    } received overnight and still unclaimed; please dispatch:
handover-none = 🌅 <b>Handover</b> ({ $at }): no unclaimed tickets from the night.
handover-line = • { $ref } { $what } · { $place } · received { $at } (respond by { $due })
handover-kind-complaint = complaint
handover-kind-inquiry = inquiry
handover-kind-emergency = emergency
handover-kind-repair = repair
