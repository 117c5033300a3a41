-- The cover's thumbnail (320 px wide, stored beside the phone-size cover by every upload), so that news lists and
-- cards on weak phone connections load a few KB per item instead of the full cover. Null for covers from before
-- and for a video's poster frame: lists then fall back to the cover itself.
ALTER TABLE publicity_item ADD COLUMN cover_thumb_key TEXT;
