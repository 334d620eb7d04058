-- The send budget the instances share (src/Bot/Pacing/PgSendBudget.cs): the platform counts a bot token's messages,
-- whichever instance sends them. One row per channel holds the overall budget as a GCRA "theoretical arrival time";
-- one row per chat holds the times of its last sends (its burst and, for a group, its minute).
CREATE TABLE send_budget (
    channel text PRIMARY KEY,
    tat timestamptz NOT NULL
);

CREATE TABLE send_chat_windows (
    channel text NOT NULL,
    chat text NOT NULL,
    sent timestamptz[] NOT NULL,
    PRIMARY KEY (channel, chat)
);

-- Takes the next slot for one message to one chat and returns when it may be sent: not before the chat's window allows
-- (p_burst in p_burst_window; for a group also p_group_count a minute), not before the chat's previous slot, and not
-- before the overall budget allows (interval per message, p_tolerance of burst). Both rows are locked for the moment
-- of the reservation, so two instances never pick the same slot.
CREATE FUNCTION reserve_send(p_channel text, p_chat text, p_now timestamptz, p_interval interval, p_tolerance interval,
                             p_burst int, p_burst_window interval, p_group_count int, p_group_window interval)
RETURNS timestamptz LANGUAGE plpgsql AS $$
DECLARE
    v_sent timestamptz[];
    v_n int;
    v_keep int := GREATEST(p_burst, p_group_count);
    v_at timestamptz := p_now;
    v_tat timestamptz;
BEGIN
    INSERT INTO send_chat_windows (channel, chat, sent) VALUES (p_channel, p_chat, '{}') ON CONFLICT DO NOTHING;
    SELECT sent INTO v_sent FROM send_chat_windows WHERE channel = p_channel AND chat = p_chat FOR UPDATE;
    v_n := coalesce(array_length(v_sent, 1), 0);
    IF v_n > 0 THEN v_at := GREATEST(v_at, v_sent[v_n]); END IF;
    IF v_n >= p_burst THEN v_at := GREATEST(v_at, v_sent[v_n - p_burst + 1] + p_burst_window); END IF;
    IF p_group_count > 0 AND v_n >= p_group_count THEN
        v_at := GREATEST(v_at, v_sent[v_n - p_group_count + 1] + p_group_window);
    END IF;

    INSERT INTO send_budget (channel, tat) VALUES (p_channel, p_now) ON CONFLICT DO NOTHING;
    SELECT tat INTO v_tat FROM send_budget WHERE channel = p_channel FOR UPDATE;
    v_at := GREATEST(v_at, v_tat - p_tolerance);
    UPDATE send_budget SET tat = GREATEST(v_tat, v_at) + p_interval WHERE channel = p_channel;

    v_sent := array_append(v_sent, v_at);
    v_n := v_n + 1;
    IF v_n > v_keep THEN v_sent := v_sent[v_n - v_keep + 1 : v_n]; END IF;
    UPDATE send_chat_windows SET sent = v_sent WHERE channel = p_channel AND chat = p_chat;
    RETURN v_at;
END $$;
