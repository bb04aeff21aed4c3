"""The optional password that guards changes when the app is opened to a network.

When ``CCHC_APP_PASSWORD`` is set (non-empty; ``Settings.app_password``, passed in by the pages),
uploading a plan, removing one and drafting next year's plan first ask for
it; reading (chat, tasks, comparison) stays open. The password is checked
with :func:`hmac.compare_digest` and remembered for the browser session
(:data:`UNLOCKED_KEY`). Unset: nothing is asked (the app binds 127.0.0.1 by
default, see ``.streamlit/config.toml``).
"""

from __future__ import annotations

import hmac

import streamlit as st
from pydantic import SecretStr

UNLOCKED_KEY = "guard_unlocked"


def password_required(password: SecretStr | None) -> bool:
    """True when ``password`` (``Settings.app_password``) is set and this session has not given it yet."""
    return bool(password and password.get_secret_value()) and not st.session_state.get(UNLOCKED_KEY)


def unlocked(what: str, key: str, password: SecretStr | None) -> bool:
    """True when the guarded action ``what`` ("nạp, gỡ kế hoạch") may run.

    Without a password set, always True. Otherwise draws a password box and
    an "Mở khóa" button (widget keys ``{key}_password``/``{key}_unlock``)
    and returns True once the right password was given in this session; a
    wrong one shows "Mật khẩu không đúng."."""
    if password is None or not password_required(password):
        return True
    st.info(f"Cần mật khẩu quản trị để {what}.", icon=":material/lock:")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    typed = c1.text_input("Mật khẩu", type="password", key=f"{key}_password")
    if c2.button("Mở khóa", key=f"{key}_unlock", icon=":material/lock_open:"):
        if hmac.compare_digest(typed.encode("utf-8"), password.get_secret_value().encode("utf-8")):
            st.session_state[UNLOCKED_KEY] = True
            st.rerun()
        st.error("Mật khẩu không đúng.")
    return False
