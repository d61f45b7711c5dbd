// The payment page: checks the chosen card's balance locally, then pays with fetch('/process_payment');
// the cash-on-delivery form places the order the same way without a card. A placed order lands on its own page
// (/orders/{number}?placed=true, the receipt), which replaces this one in the history: refresh and Back stay true.
// A cart changed in another tab is refused with its new totals, shown here, so the next «Төлеу» pays them.
// Points typed in pay part of the goods: the balance check and the amount shown are for what is left. An order a coupon
// made free needs no card: its one button places it. Without JavaScript the forms post themselves and the server answers
// with a page.
(function () {
    "use strict";
    var form = document.getElementById("payment-form");
    if (!form) { return; }

    var total = Number(form.dataset.total);
    var free = form.dataset.free === "true";
    var pointsInput = document.getElementById("points-input");
    var dueAfterPoints = document.getElementById("due-after-points");
    var button = document.getElementById("pay-button");
    var codForm = document.getElementById("cod-form");
    var codButton = document.getElementById("cod-button");
    var shortNote = document.getElementById("insufficient");
    var errorNote = document.getElementById("payment-error");
    var formatter = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });

    function tenge(amount) {
        return formatter.format(amount).replace(/\s/g, " ") + " ₸";
    }

    function chosenCard() {
        return form.querySelector("input[name='card_id']:checked");
    }

    // The whole points asked for, within what the field allows.
    function pointsChosen() {
        if (!pointsInput) { return 0; }
        var points = Math.floor(Number(pointsInput.value));
        var most = Number(pointsInput.max);
        return points > 0 ? Math.min(points, most) : 0;
    }

    function refresh() {
        if (free) {
            shortNote.hidden = true;
            button.disabled = false;
            return;
        }
        var due = total - pointsChosen();
        if (dueAfterPoints) { dueAfterPoints.textContent = tenge(due); }
        var card = chosenCard();
        var short = card !== null && Number(card.dataset.balance) < due;
        shortNote.hidden = !short;
        button.disabled = card === null || short;
    }

    // One key per payment attempt: a retry after a lost answer reuses it (the shop replays the first answer
    // instead of charging again); any answer ends the attempt.
    var attemptKey = null;

    function newKey() {
        var bytes = window.crypto.getRandomValues(new Uint8Array(16));
        return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    }

    function showError(message) {
        errorNote.textContent = message;
        errorNote.hidden = false;
    }

    function showSuccess(body) {
        var success = document.getElementById("payment-success");
        var receipt = "/orders/" + encodeURIComponent(body.order_number) + "?placed=true";
        success.querySelector(".success-title").textContent = body.message;
        var orderLink = document.getElementById("success-order");
        orderLink.textContent = body.order_number;
        orderLink.href = receipt;
        var cash = body.payment_method === "cash_on_delivery";
        document.getElementById("success-paid-row").hidden = cash;
        document.getElementById("success-balance-row").hidden = cash || typeof body.new_balance !== "number";
        document.getElementById("success-due-row").hidden = !cash;
        if (cash) {
            document.getElementById("success-due").textContent = tenge(body.total_due);
        } else {
            document.getElementById("success-total").textContent = tenge(body.total_paid);
            if (typeof body.new_balance === "number") {
                document.getElementById("success-balance").textContent = tenge(body.new_balance);
            }
        }
        document.getElementById("payment").hidden = true;
        success.hidden = false;
        document.querySelectorAll("[data-cart-count]").forEach(function (badge) {
            badge.textContent = "0";
            badge.classList.add("badge-empty");
        });
        window.location.replace(receipt);
    }

    // The cart as it is now, from a "cart changed" answer: the totals shown, the totals sent, the balance check.
    function showTotals(body) {
        total = body.total;
        form.dataset.total = String(total);
        document.querySelectorAll("input[name='expected_total']").forEach(function (input) { input.value = String(total); });
        [["subtotal", body.subtotal], ["delivery", body.delivery], ["total", body.total]].forEach(function (pair) {
            document.querySelectorAll("dd[data-" + pair[0] + "]").forEach(function (cell) {
                cell.setAttribute("data-" + pair[0], String(pair[1]));
                cell.textContent = tenge(pair[1]);
            });
        });
    }

    function send(body, busyButton) {
        var idleText = busyButton.textContent;
        button.disabled = true;
        if (codButton) { codButton.disabled = true; }
        busyButton.classList.add("is-busy");
        busyButton.textContent = busyButton.dataset.busyText;
        errorNote.hidden = true;
        attemptKey = attemptKey || newKey();

        fetch("/process_payment", {
            method: "POST",
            credentials: "same-origin",
            headers: {
                "Content-Type": "application/json",
                "Idempotency-Key": attemptKey,
                "RequestVerificationToken": form.querySelector("input[name='__RequestVerificationToken']").value
            },
            body: JSON.stringify(body)
        })
            .then(function (response) {
                attemptKey = null;
                return response.json()
                    .catch(function () { return { message: form.dataset.failedText }; })
                    .then(function (answer) { return { ok: response.ok, body: answer }; });
            })
            .then(function (result) {
                if (!result.ok) {
                    if (typeof result.body.total === "number") { showTotals(result.body); }
                    throw new Error(result.body.message);
                }
                showSuccess(result.body);
            })
            .catch(function (error) {
                showError(error.message || form.dataset.failedText);
                busyButton.classList.remove("is-busy");
                busyButton.textContent = idleText;
                if (codButton) { codButton.disabled = false; }
                refresh();
            });
    }

    form.addEventListener("change", function () {
        errorNote.hidden = true;
        refresh();
    });

    form.addEventListener("input", refresh);

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (button.disabled) { return; }
        if (free) {
            send({ expected_total: 0 }, button);
            return;
        }
        var card = chosenCard();
        if (card === null) { return; }
        send({ card_id: Number(card.value), expected_total: total, points: pointsChosen() }, button);
    });

    if (codForm) {
        codForm.addEventListener("submit", function (event) {
            event.preventDefault();
            if (codButton.disabled) { return; }
            send({ payment_method: "cash_on_delivery", expected_total: total, points: pointsChosen() }, codButton);
        });
    }

    // The online forms post as they are (their answer sends the browser on to the gateway): they carry the points
    // chosen above in a field of their own.
    document.querySelectorAll("#online-form, .saved-card-form").forEach(function (online) {
        online.addEventListener("submit", function () {
            var field = online.querySelector("input[name=points]");
            if (!field) {
                field = document.createElement("input");
                field.type = "hidden";
                field.name = "points";
                online.appendChild(field);
            }
            field.value = String(pointsChosen());
        });
    });

    refresh();
}());
