// The payment page: checks the chosen card's balance locally, then pays with fetch('/process_payment').
// Without JavaScript the form posts itself and the server answers with a page.
(function () {
    "use strict";
    var form = document.getElementById("payment-form");
    if (!form) { return; }

    var total = Number(form.dataset.total);
    var button = document.getElementById("pay-button");
    var shortNote = document.getElementById("insufficient");
    var errorNote = document.getElementById("payment-error");
    var idleText = button.textContent;
    var formatter = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });

    function tenge(amount) {
        return formatter.format(amount).replace(/\s/g, " ") + " ₸";
    }

    function chosenCard() {
        return form.querySelector("input[name='card_id']:checked");
    }

    function refresh() {
        var card = chosenCard();
        var short = card !== null && Number(card.dataset.balance) < total;
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

    form.addEventListener("change", function () {
        errorNote.hidden = true;
        refresh();
    });

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        var card = chosenCard();
        if (card === null || button.disabled) { return; }

        button.disabled = true;
        button.classList.add("is-busy");
        button.textContent = button.dataset.busyText;
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
            body: JSON.stringify({ card_id: Number(card.value), expected_total: total })
        })
            .then(function (response) {
                attemptKey = null;
                return response.json()
                    .catch(function () { return { message: form.dataset.failedText }; })
                    .then(function (body) { return { ok: response.ok, body: body }; });
            })
            .then(function (result) {
                if (!result.ok) { throw new Error(result.body.message); }
                var success = document.getElementById("payment-success");
                success.querySelector(".success-title").textContent = result.body.message;
                var orderLink = document.getElementById("success-order");
                orderLink.textContent = result.body.order_number;
                orderLink.href = "/orders/" + encodeURIComponent(result.body.order_number);
                document.getElementById("success-total").textContent = tenge(result.body.total_paid);
                document.getElementById("success-balance").textContent = tenge(result.body.new_balance);
                document.getElementById("payment").hidden = true;
                success.hidden = false;
                document.querySelectorAll("[data-cart-count]").forEach(function (badge) {
                    badge.textContent = "0";
                    badge.classList.add("badge-empty");
                });
                window.setTimeout(function () { window.location.href = "/main"; }, 2500);
            })
            .catch(function (error) {
                showError(error.message || form.dataset.failedText);
                button.classList.remove("is-busy");
                button.textContent = idleText;
                refresh();
            });
    });

    refresh();
}());
