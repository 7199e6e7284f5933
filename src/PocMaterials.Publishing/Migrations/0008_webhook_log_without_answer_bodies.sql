-- The delivery log kept the start of a refusal's body, so an editor could read what an internal service
-- answered. It now keeps the status code only: older entries are cut back to the same.
UPDATE webhook_attempts SET error = 'answered ' || status_code WHERE status_code IS NOT NULL AND error IS NOT NULL;
UPDATE webhook_deliveries SET last_error = 'answered ' || last_status_code WHERE last_status_code IS NOT NULL AND last_error IS NOT NULL;
