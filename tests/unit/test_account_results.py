"""DeleteAccountResult: a record of what was deleted that copies, pickles and reads like a dict."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from stripe_sync.accounts import DeleteAccountResult


@pytest.fixture
def result() -> DeleteAccountResult:
    return DeleteAccountResult("acct_1", {"customers": 2, "invoices": 0, "accounts": 1}, False)


def test_reads_as_a_mapping_of_the_counts(result: DeleteAccountResult) -> None:
    assert result["customers"] == 2
    assert dict(result) == {"customers": 2, "invoices": 0, "accounts": 1}
    assert len(result) == 3
    assert "invoices" in result
    assert result.get("charges") is None
    assert result == {"customers": 2, "invoices": 0, "accounts": 1}
    assert result.deleted_record_counts == {"customers": 2, "invoices": 0, "accounts": 1}
    assert result.total == 3


def test_pickles_deep_copies_and_converts_to_a_dict(result: DeleteAccountResult) -> None:
    assert pickle.loads(pickle.dumps(result)) == result
    assert copy.deepcopy(result) == result
    assert copy.copy(result) == result
    assert dataclasses.asdict(result) == {
        "deleted_account_id": "acct_1",
        "deleted_record_counts": {"customers": 2, "invoices": 0, "accounts": 1},
        "dry_run": False,
    }


def test_is_a_record_that_does_not_change(result: DeleteAccountResult) -> None:
    counts = {"customers": 2}
    kept = DeleteAccountResult("acct_1", counts, True)
    counts["customers"] = 5
    assert kept["customers"] == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.dry_run = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        result["customers"] = 9  # type: ignore[index]
    assert result != DeleteAccountResult("acct_1", dict(result), True)
