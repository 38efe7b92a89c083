ALTER TABLE "document_requests" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "document_requests" ADD COLUMN "on_file_document_id" text;